import { forwardRef, Inject, Injectable } from '@nestjs/common';
import type { MeDto, MemberDto, MemberSummary, Page, ScreenNameChoice } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { AuditTrail } from '../audit/audit-trail';
import { notFound, conflict, invalid } from '../common/domain-exception';
import { isUniqueViolation } from '../database/postgres-errors';
import { Transactions } from '../database/transactions';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainEvents } from '../events/domain-events';
import { OrganizationsService } from '../organizations/organizations.service';
import { TeamsService } from '../teams/teams.service';
import type { ListMembersQuery, UpdateMeDto, UpdateMemberDto } from './member.dto';
import type { Member } from './member.entity';
import { memberFor, toMeDto, toMemberDto } from './member.mapper';
import { MembersRepository } from './members.repository';

const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** What a new member starts with (signup, an accepted invitation). */
export type NewMember = Pick<
  Member,
  'organizationId' | 'name' | 'email' | 'passwordHash' | 'role' | 'teamId'
> &
  Partial<Pick<Member, 'partTimeFactor'>>;

@Injectable()
export class MembersService {
  constructor(
    private readonly repository: MembersRepository,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly organizations: OrganizationsService,
    @Inject(forwardRef(() => TeamsService)) private readonly teams: TeamsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  async me(organizationId: string, memberId: string): Promise<MeDto> {
    const member = await this.repository.find(organizationId, memberId);
    if (!member) {
      throw notFound('Member');
    }
    const org = await this.organizations.get(organizationId);
    const managed = await this.repository.managedTeams([member.id]);
    return toMeDto(member, managed.get(member.id) ?? [], org, this.config.SMTP_URL !== undefined);
  }

  async updateMe(caller: AuthMember, dto: UpdateMeDto): Promise<MeDto> {
    // Only what was sent; an empty PATCH changes nothing (TypeORM refuses an UPDATE without values).
    const changes = Object.fromEntries(
      Object.entries({
        name: dto.name,
        locale: dto.locale,
        emailOnKudos: dto.emailOnKudos,
        screenName: dto.screenName,
      }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(changes).length > 0) {
      await this.repository.update(caller.organizationId, caller.id, changes);
    }
    return this.me(caller.organizationId, caller.id);
  }

  /** Colleagues as the caller may see them (see `mayReadEmail`). */
  async list(caller: AuthMember, q: ListMembersQuery): Promise<Page<MemberDto>> {
    const [members, total] = await this.repository.page(caller.organizationId, q);
    const managed = await this.repository.managedTeams(members.map((m) => m.id));
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
    const member = await this.repository.find(organizationId, id);
    if (!member) {
      throw notFound('Member');
    }
    const managed = await this.repository.managedTeams([id]);
    return toMemberDto(member, managed.get(id) ?? []);
  }

  findByEmail(email: string): Promise<Member | null> {
    return this.repository.findByEmail(email);
  }

  /** The member with their password hash, for checking or replacing it (auth). */
  async account(organizationId: string, id: string): Promise<Member> {
    const member = await this.repository.find(organizationId, id);
    if (!member) {
      throw notFound('Member');
    }
    return member;
  }

  /** Replaces the password hash (auth revokes the sessions in the same transaction). */
  setPasswordHash(organizationId: string, id: string, passwordHash: string): Promise<void> {
    return this.repository.update(organizationId, id, { passwordHash });
  }

  /** Who among `ids` gets an e-mail for a kudos (active, and turned it on). */
  kudosMailRecipients(organizationId: string, ids: string[]) {
    return this.repository.kudosMailRecipients(organizationId, ids);
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.repository.existsByEmail(email);
  }

  /** Which of `emails` (lower-cased) already have an account (bulk invitations). */
  existingEmails(emails: string[]): Promise<Set<string>> {
    return this.repository.existingEmails(emails);
  }

  /** The organisation's members with these (lower-cased) addresses, by address (imports). */
  async inOrganizationByEmail(
    organizationId: string,
    emails: string[],
  ): Promise<Map<string, Member>> {
    const rows = await this.repository.byEmails(organizationId, emails);
    return new Map(rows.map((m) => [m.email, m]));
  }

  /** A new member; a taken e-mail fails on `members_email_unique`. */
  create(member: NewMember): Promise<Member> {
    return this.repository.insert(member);
  }

  /** team id → its active members. */
  activeCountsByTeam(organizationId: string): Promise<Map<string, number>> {
    return this.repository.activeCountsByTeam(organizationId);
  }

  /** id → name and team of these members of the organisation (active or not). */
  async summaries(organizationId: string, ids: string[]): Promise<Map<string, MemberSummary>> {
    const rows = await this.repository.summaries(organizationId, [...new Set(ids)]);
    return new Map(rows.map((m) => [m.id, { id: m.id, name: m.name, teamId: m.teamId }]));
  }

  /** Members among `ids` who chose a first name or no name on screens (see ScreenView). */
  screenChoices(
    organizationId: string,
    ids: string[],
  ): Promise<Map<string, Exclude<ScreenNameChoice, 'full'>>> {
    return this.repository.screenChoices(organizationId, ids);
  }

  /** The active members of a team of the organisation. */
  activeInTeam(
    organizationId: string,
    teamId: string,
  ): Promise<{ id: string; teamId: string | null; name: string }[]> {
    return this.repository.activeInTeam(organizationId, teamId);
  }

  /** The active members of these teams (one query however many teams). */
  activeInTeams(
    organizationId: string,
    teamIds: string[],
  ): Promise<{ id: string; teamId: string | null }[]> {
    return this.repository.activeInTeams(organizationId, teamIds);
  }

  /** The active members among `ids` (by name), with their current team: who may earn a badge. */
  async activeSummaries(organizationId: string, ids: string[]): Promise<MemberSummary[]> {
    const rows = await this.repository.activeSummaries(organizationId, ids);
    return rows.map((m) => ({ id: m.id, name: m.name, teamId: m.teamId }));
  }

  /** Members of a team, active or not. */
  countInTeam(teamId: string): Promise<number> {
    return this.repository.countInTeam(teamId);
  }

  async update(caller: AuthMember, id: string, dto: UpdateMemberDto): Promise<MemberDto> {
    const org = caller.organizationId;
    const accessChanged = await this.transactions
      .run(async () => {
        const member = await this.repository.findForUpdate(org, id);
        if (!member) {
          throw notFound('Member');
        }
        this.audit.before(await this.get(org, id));
        if (id === caller.id && ((dto.role && dto.role !== member.role) || dto.active === false)) {
          throw conflict(
            'cannot_change_own_role',
            'You cannot change your own role or deactivate yourself.',
          );
        }
        const teamIds = [...(dto.teamId ? [dto.teamId] : []), ...(dto.managedTeamIds ?? [])];
        await this.assertTeamsExist(org, teamIds, dto);
        const role = dto.role ?? member.role;
        await this.repository.update(org, id, {
          role,
          ...(dto.teamId !== undefined ? { teamId: dto.teamId } : {}),
          ...(dto.active !== undefined ? { active: dto.active } : {}),
          ...(dto.name !== undefined ? { name: dto.name } : {}),
          ...(dto.email !== undefined ? { email: dto.email } : {}),
          ...(dto.partTimeFactor !== undefined ? { partTimeFactor: dto.partTimeFactor } : {}),
        });
        let managedChanged = false;
        // Only managers and admins manage teams; demoting clears what they managed.
        if (dto.managedTeamIds !== undefined || role === 'employee') {
          const before = (await this.repository.managedTeams([id])).get(id) ?? [];
          const managedIds = role === 'employee' ? [] : [...new Set(dto.managedTeamIds ?? [])];
          await this.repository.replaceManagedTeams(org, id, managedIds);
          managedChanged = !sameIds(before, managedIds);
        }
        if (dto.partTimeFactor !== undefined && dto.partTimeFactor !== member.partTimeFactor) {
          // Points rescales this month's allowance in this same transaction.
          await this.events.emitWithin('member.part_time_changed', {
            organizationId: org,
            memberId: id,
            role,
            partTimeFactor: dto.partTimeFactor,
          });
        }
        if (dto.active === false) {
          // Auth ends their logins in this same transaction.
          await this.events.emitWithin('member.deactivated', { organizationId: org, memberId: id });
        }
        const deactivated = dto.active === false && member.active;
        return deactivated || role !== member.role || managedChanged;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'members_email_unique')) {
          throw conflict('email_taken', 'An account with this e-mail already exists.');
        }
        throw error;
      });
    // After commit: their live connections reconnect with their new rights.
    if (accessChanged) {
      this.events.emit('member.access_changed', { organizationId: org, memberId: id });
    }
    return this.get(org, id);
  }

  private async assertTeamsExist(
    organizationId: string,
    teamIds: string[],
    dto: UpdateMemberDto,
  ): Promise<void> {
    const unique = [...new Set(teamIds)];
    if (unique.length === 0) {
      return;
    }
    const known = await this.teams.existing(organizationId, unique);
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
}
