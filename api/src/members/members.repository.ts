import { Injectable } from '@nestjs/common';
import type { ScreenNameChoice } from '@bravo/shared';
import { Brackets, In } from 'typeorm';
import { Db } from '../database/current-manager';
import type { ListMembersQuery } from './member.dto';
import { Member } from './member.entity';
import { TeamManager } from './team-manager.entity';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Row of `activeCountsByTeam`. */
interface TeamCountRow {
  team_id: string;
  count: number;
}

/** The only code touching `members` and `team_managers`. */
@Injectable()
export class MembersRepository {
  constructor(private readonly db: Db) {}

  private get members() {
    return this.db.tx.getRepository(Member);
  }

  private get managers() {
    return this.db.tx.getRepository(TeamManager);
  }

  find(organizationId: string, id: string): Promise<Member | null> {
    return this.members.findOne({ where: { id, organizationId } });
  }

  /** Locked until the current transaction ends. */
  findForUpdate(organizationId: string, id: string): Promise<Member | null> {
    return this.members.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findByEmail(email: string): Promise<Member | null> {
    return this.members.findOne({ where: { email } });
  }

  /** The active members among `ids` who asked for an e-mail when they receive a kudos. */
  kudosMailRecipients(
    organizationId: string,
    ids: string[],
  ): Promise<Pick<Member, 'name' | 'email' | 'locale'>[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return this.members.find({
      select: { name: true, email: true, locale: true },
      where: { organizationId, id: In(ids), active: true, emailOnKudos: true },
    });
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.members.existsBy({ email });
  }

  /** Which of `emails` (lower-cased) already have an account. */
  async existingEmails(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) {
      return new Set();
    }
    const rows = await this.members.find({ select: { email: true }, where: { email: In(emails) } });
    return new Set(rows.map((r) => r.email));
  }

  /** The organisation's members with these addresses. */
  byEmails(organizationId: string, emails: string[]): Promise<Member[]> {
    return emails.length === 0
      ? Promise.resolve([])
      : this.members.find({ where: { organizationId, email: In(emails) } });
  }

  insert(
    fields: Omit<
      Member,
      'id' | 'createdAt' | 'active' | 'locale' | 'emailOnKudos' | 'screenName' | 'partTimeFactor'
    > &
      Partial<Pick<Member, 'partTimeFactor'>>,
  ): Promise<Member> {
    return this.members.save(this.members.create(fields));
  }

  async update(
    organizationId: string,
    id: string,
    changes: Partial<
      Pick<
        Member,
        | 'name'
        | 'email'
        | 'locale'
        | 'emailOnKudos'
        | 'screenName'
        | 'role'
        | 'teamId'
        | 'active'
        | 'passwordHash'
      >
    >,
  ): Promise<void> {
    await this.members.update({ id, organizationId }, changes);
  }

  page(organizationId: string, q: ListMembersQuery): Promise<[Member[], number]> {
    const qb = this.members
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId });
    if (!q.includeInactive) {
      qb.andWhere('m.active');
    }
    if (q.query) {
      qb.andWhere(
        new Brackets((w) =>
          w.where("m.name ILIKE :pattern ESCAPE '\\'", {
            pattern: `%${escapeLike(q.query ?? '')}%`,
          }),
        ),
      );
    }
    return qb
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
  }

  /** team id → its active members. */
  async activeCountsByTeam(organizationId: string): Promise<Map<string, number>> {
    const rows: TeamCountRow[] = await this.members
      .createQueryBuilder('m')
      .select('m.team_id', 'team_id')
      .addSelect('count(*)::int', 'count')
      .where('m.organization_id = :organizationId AND m.active AND m.team_id IS NOT NULL', {
        organizationId,
      })
      .groupBy('m.team_id')
      .getRawMany<TeamCountRow>();
    return new Map(rows.map((r) => [r.team_id, r.count]));
  }

  /** How these members chose to appear on screens, for those who did not keep their full name. */
  async screenChoices(
    organizationId: string,
    ids: string[],
  ): Promise<Map<string, Exclude<ScreenNameChoice, 'full'>>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.members
      .createQueryBuilder('m')
      .select(['m.id', 'm.screenName'])
      .where(
        `m.organization_id = :organizationId AND m.id = ANY(:ids::uuid[]) AND m.screen_name <> 'full'`,
        { organizationId, ids: [...new Set(ids)] },
      )
      .getMany();
    return new Map(rows.map((m) => [m.id, m.screenName as Exclude<ScreenNameChoice, 'full'>]));
  }

  /** Names and teams of these members (active or not): for lists that name people. */
  summaries(
    organizationId: string,
    ids: string[],
  ): Promise<Pick<Member, 'id' | 'name' | 'teamId'>[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    // One array parameter, not one per id: a badge awarded backwards can name 100,000 members.
    return this.members
      .createQueryBuilder('m')
      .select(['m.id', 'm.name', 'm.teamId'])
      .where('m.organization_id = :organizationId AND m.id = ANY(:ids::uuid[])', {
        organizationId,
        ids,
      })
      .getMany();
  }

  /** The active members among `ids`: id, name and current team. */
  activeSummaries(organizationId: string, ids: string[]): Promise<Member[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return this.members
      .createQueryBuilder('m')
      .select(['m.id', 'm.name', 'm.teamId'])
      .where('m.organization_id = :organizationId AND m.active AND m.id = ANY(:ids::uuid[])', {
        organizationId,
        ids,
      })
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  /** The active members of a team. */
  activeInTeam(
    organizationId: string,
    teamId: string,
  ): Promise<Pick<Member, 'id' | 'teamId' | 'name'>[]> {
    return this.members.find({
      select: { id: true, teamId: true, name: true },
      where: { organizationId, teamId, active: true },
      order: { id: 'ASC' },
    });
  }

  /** The active members of these teams, with their team. */
  activeInTeams(
    organizationId: string,
    teamIds: string[],
  ): Promise<Pick<Member, 'id' | 'teamId'>[]> {
    if (teamIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.members
      .createQueryBuilder('m')
      .select(['m.id', 'm.teamId'])
      .where(
        'm.organization_id = :organizationId AND m.active AND m.team_id = ANY(:teamIds::uuid[])',
        {
          organizationId,
          teamIds,
        },
      )
      .getMany();
  }

  /** Members of a team, active or not. */
  countInTeam(teamId: string): Promise<number> {
    return this.members.countBy({ teamId });
  }

  /** member id → ids of the teams they manage, in one query. */
  async managedTeams(memberIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (memberIds.length === 0) {
      return map;
    }
    const rows = await this.managers.find({
      where: { memberId: In(memberIds) },
      order: { teamId: 'ASC' },
    });
    for (const row of rows) {
      map.set(row.memberId, [...(map.get(row.memberId) ?? []), row.teamId]);
    }
    return map;
  }

  async replaceManagedTeams(organizationId: string, memberId: string, teamIds: string[]) {
    await this.managers.delete({ memberId, organizationId });
    if (teamIds.length > 0) {
      await this.managers.insert(teamIds.map((teamId) => ({ memberId, teamId, organizationId })));
    }
  }
}
