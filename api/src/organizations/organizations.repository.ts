import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '../database/current-manager';
import { Organization } from './organization.entity';

/** The only code touching `organizations`. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: Db) {}

  private get organizations() {
    return this.db.tx.getRepository(Organization);
  }

  find(id: string, manager: EntityManager = this.db.tx): Promise<Organization | null> {
    return manager.findOneBy(Organization, { id });
  }

  /** Locked until the current transaction ends. */
  findForUpdate(id: string): Promise<Organization | null> {
    return this.organizations.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(org: Organization): Promise<Organization> {
    return this.organizations.save(org);
  }

  create(fields: Pick<Organization, 'name' | 'timezone'>): Promise<Organization> {
    return this.organizations.save(this.organizations.create({ ...fields, rules: {} }));
  }

  count(): Promise<number> {
    return this.organizations.count();
  }
}
