import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/current-manager';
import { Team } from './team.entity';

/** The only code touching `teams`. */
@Injectable()
export class TeamsRepository {
  constructor(private readonly db: Db) {}

  private get teams() {
    return this.db.tx.getRepository(Team);
  }

  list(organizationId: string): Promise<Team[]> {
    return this.teams.find({ where: { organizationId }, order: { name: 'ASC' } });
  }

  find(organizationId: string, id: string): Promise<Team | null> {
    return this.teams.findOneBy({ id, organizationId });
  }

  insert(organizationId: string, name: string): Promise<Team> {
    return this.teams.save({ organizationId, name, nameKey: name.toLowerCase() });
  }

  async rename(organizationId: string, id: string, name: string): Promise<boolean> {
    const result = await this.teams.update(
      { id, organizationId },
      { name, nameKey: name.toLowerCase() },
    );
    return !!result.affected;
  }

  /** Locked until the current transaction ends. */
  findForUpdate(organizationId: string, id: string): Promise<Team | null> {
    return this.teams.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async remove(organizationId: string, id: string): Promise<void> {
    await this.teams.delete({ id, organizationId });
  }

  /** Which of `ids` are teams of the organisation. */
  async existing(organizationId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const found = await this.teams.find({
      select: { id: true },
      where: { organizationId, id: In(ids) },
    });
    return new Set(found.map((t) => t.id));
  }
}
