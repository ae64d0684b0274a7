import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeDto, MemberDto, Page } from '@bravo/shared';
import { Brackets, DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { conflict, invalid, notFound } from '../common/domain-exception';
import { DomainEvents } from '../events/domain-events';
import { Organization } from '../organizations/organization.entity';
import { Session } from '../auth/session.entity';
import { Team } from '../teams/team.entity';
import type { ListMembersQuery, UpdateMeDto, UpdateMemberDto } from './member.dto';
import { Member } from './member.entity';
import { memberFor, toMeDto, toMemberDto } from './member.mapper';
import { TeamManager } from './team-manager.entity';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async me(
    organizationId: string,
    memberId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<MeDto> {
    const member = await manager.findOneOrFail(Member, { where: { id: memberId, organizationId } });
    const org = await manager.findOneByOrFail(Organization, { id: organizationId });
    const managed = await this.managedTeams(manager, [member.id]);
    return toMeDto(member, managed.get(member.id) ?? [], org);
  }

  async updateMe(caller: AuthMember, dto: UpdateMeDto): Promise<MeDto> {
    // Only what was sent; an empty PATCH changes nothing (TypeORM refuses an UPDATE without values).
    const changes = Object.fromEntries(
      Object.entries({ name: dto.name, locale: dto.locale }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(changes).length > 0) {
      await this.db
        .getRepository(Member)
        .update({ id: caller.id, organizationId: caller.organizationId }, changes);
    }
    return this.me(caller.organizationId, caller.id);
  }

  /** Colleagues as the caller may see them (see `mayReadEmail`). */
  async list(caller: AuthMember, q: ListMembersQuery): Promise<Page<MemberDto>> {
    const qb = this.db
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId: caller.organizationId });
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
    const [members, total] = await qb
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    const managed = await this.managedTeams(
      this.db.manager,
      members.map((m) => m.id),
    );
    return {
      items: members.map((m) => memberFor(caller, toMemberDto(m, managed.get(m.id) ?? []))),
      total,
    };
  }

  /** One colleague as the caller may see them. */
  async view(caller: AuthMember, id: string): Promise<MemberDto> {
    return memberFor(caller, await this.get(caller.organizationId, id));
  }

  /** The full record, e-mail included: for what admins do (`update`). */
  async get(organizationId: string, id: string): Promise<MemberDto> {
    const member = await this.db.getRepository(Member).findOne({ where: { id, organizationId } });
    if (!member) {
      throw notFound('Member');
    }
    const managed = await this.managedTeams(this.db.manager, [id]);
    return toMemberDto(member, managed.get(id) ?? []);
  }

  async update(caller: AuthMember, id: string, dto: UpdateMemberDto): Promise<MemberDto> {
    const org = caller.organizationId;
    const { accessChanged, revokedSessionIds } = await this.db.transaction(async (manager) => {
      const member = await manager.findOne(Member, {
        where: { id, organizationId: org },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) {
        throw notFound('Member');
      }
      if (id === caller.id && ((dto.role && dto.role !== member.role) || dto.active === false)) {
        throw conflict(
          'cannot_change_own_role',
          'You cannot change your own role or deactivate yourself.',
        );
      }
      const teamIds = [...(dto.teamId ? [dto.teamId] : []), ...(dto.managedTeamIds ?? [])];
      await this.assertTeamsExist(manager, org, teamIds, dto);
      const role = dto.role ?? member.role;
      await manager.update(
        Member,
        { id, organizationId: org },
        {
          role,
          ...(dto.teamId !== undefined ? { teamId: dto.teamId } : {}),
          ...(dto.active !== undefined ? { active: dto.active } : {}),
        },
      );
      let managedChanged = false;
      // Only managers and admins manage teams; demoting clears what they managed.
      if (dto.managedTeamIds !== undefined || role === 'employee') {
        const before = (await this.managedTeams(manager, [id])).get(id) ?? [];
        await manager.delete(TeamManager, { memberId: id, organizationId: org });
        const managedIds = role === 'employee' ? [] : [...new Set(dto.managedTeamIds ?? [])];
        if (managedIds.length > 0) {
          await manager.insert(
            TeamManager,
            managedIds.map((teamId) => ({ memberId: id, teamId, organizationId: org })),
          );
        }
        managedChanged = !sameIds(before, managedIds);
      }
      const deactivated = dto.active === false && member.active;
      const revoked = dto.active === false ? await this.revokeSessions(manager, id) : [];
      return {
        accessChanged: deactivated || role !== member.role || managedChanged,
        revokedSessionIds: revoked,
      };
    });
    // After commit: live connections of ended logins close; others reconnect with their new rights.
    if (revokedSessionIds.length > 0) {
      this.events.emit('session.revoked', { organizationId: org, sessionIds: revokedSessionIds });
    }
    if (accessChanged) {
      this.events.emit('member.access_changed', { organizationId: org, memberId: id });
    }
    return this.get(org, id);
  }

  /** Ends every open login of a member; returns their ids. */
  private async revokeSessions(manager: EntityManager, memberId: string): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: this.clock.now() })
      .where({ memberId, revokedAt: IsNull() })
      .returning('id')
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  private async assertTeamsExist(
    manager: EntityManager,
    organizationId: string,
    teamIds: string[],
    dto: UpdateMemberDto,
  ): Promise<void> {
    const unique = [...new Set(teamIds)];
    if (unique.length === 0) {
      return;
    }
    const found = await manager.find(Team, {
      select: { id: true },
      where: { organizationId, id: In(unique) },
    });
    const known = new Set(found.map((t) => t.id));
    if (dto.teamId && !known.has(dto.teamId)) {
      throw invalid('teamId', 'unknown_team', 'teamId does not name a team of this organisation');
    }
    if (unique.some((t) => !known.has(t))) {
      throw invalid(
        'managedTeamIds',
        'unknown_team',
        'managedTeamIds names a team that is not in this organisation',
      );
    }
  }

  /** member id → ids of the teams they manage, in one query. */
  private async managedTeams(
    manager: EntityManager,
    memberIds: string[],
  ): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (memberIds.length === 0) {
      return map;
    }
    const rows = await manager.find(TeamManager, {
      where: { memberId: In(memberIds) },
      order: { teamId: 'ASC' },
    });
    for (const row of rows) {
      map.set(row.memberId, [...(map.get(row.memberId) ?? []), row.teamId]);
    }
    return map;
  }
}
