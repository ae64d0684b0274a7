import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POINT_RULES, type OrganizationDto, type PointRules } from '@bravo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/domain-exception';
import type { UpdateOrganizationDto } from './organization.dto';
import { Organization } from './organization.entity';

/** Stored overrides on top of the defaults of PRODUCT.md. */
export function effectiveRules(org: Pick<Organization, 'rules'>): PointRules {
  return { ...DEFAULT_POINT_RULES, ...org.rules };
}

const toDto = (org: Organization): OrganizationDto => ({
  id: org.id,
  name: org.name,
  timezone: org.timezone,
  rules: effectiveRules(org),
});

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Time zone and effective rules: what point calculations need. */
  async context(
    organizationId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ timezone: string; rules: PointRules }> {
    // Inside a transaction pass its manager: taking a second pooled connection can starve the pool.
    const org = await manager.findOneBy(Organization, { id: organizationId });
    if (!org) {
      throw notFound('Organisation');
    }
    return { timezone: org.timezone, rules: effectiveRules(org) };
  }

  async get(organizationId: string): Promise<OrganizationDto> {
    const org = await this.db.getRepository(Organization).findOneBy({ id: organizationId });
    if (!org) {
      throw notFound('Organisation');
    }
    return toDto(org);
  }

  async update(organizationId: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.db.transaction(async (manager) => {
      const org = await manager.findOne(Organization, {
        where: { id: organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!org) {
        throw notFound('Organisation');
      }
      org.name = dto.name ?? org.name;
      org.timezone = dto.timezone ?? org.timezone;
      if (dto.rules) {
        const patch = Object.fromEntries(
          Object.entries(dto.rules).filter(([, v]) => v !== undefined),
        );
        org.rules = { ...org.rules, ...patch };
      }
      return toDto(await manager.save(org));
    });
  }
}
