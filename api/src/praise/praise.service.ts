import { Inject, Injectable } from '@nestjs/common';
import { PRAISE_LIMITS, type PraiseDto, type ReviewPraiseDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { BrandValuesService } from '../brand-values/brand-values.service';
import { Clock } from '../common/clock';
import { conflict, forbidden, invalid, notFound } from '../common/domain-exception';
import { Idempotency } from '../common/idempotency';
import { Transactions } from '../database/transactions';
import { DomainEvents } from '../events/domain-events';
import { MembersService } from '../members/members.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { localDate } from '../points/periods';
import { PointsService } from '../points/points.service';
import { TeamsService } from '../teams/teams.service';
import type { Praise } from './praise.entity';
import { reviewPraiseDto, praiseDto, type PraiseLookups } from './praise.mapper';
import { fingerprintOf } from './praise-rules';
import type { RecordPraiseInput } from './praise.dto';
import { PraiseRepository } from './praise.repository';

const DAY_MS = 86_400_000;

/** Fields every new story starts from: pending, folded for duplicates, flagged if it is one. */
export interface NewPraise {
  organizationId: string;
  teamId: string;
  memberIds: string[];
  text: string;
  rating: number | null;
  customerName: string | null;
  contact: string | null;
  channel: Praise['channel'];
  recordedById: string | null;
}

/**
 * Customer praise: recorded by staff (or sent from the public page), reviewed by the team's
 * managers. Approval pays each named employee the organisation's praise points from the
 * company — earned only, no one's allowance — through the ledger exactly once.
 */
@Injectable()
export class PraiseService {
  constructor(
    private readonly repository: PraiseRepository,
    private readonly transactions: Transactions,
    private readonly idempotency: Idempotency,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly teams: TeamsService,
    private readonly values: BrandValuesService,
    private readonly points: PointsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * A story an employee or manager heard, for their team unless they name another. With a
   * key, sending the same form twice (double click, retry) records it once.
   */
  async record(caller: AuthMember, input: RecordPraiseInput, key?: string): Promise<PraiseDto> {
    const once = await this.idempotency.once(
      caller,
      key,
      { op: 'praise.record', input },
      async () => {
        const teamId = input.teamId ?? caller.teamId;
        if (!teamId) {
          throw invalid('teamId', 'required', 'choose the store the praise is about');
        }
        if (!(await this.teams.find(caller.organizationId, teamId))) {
          throw invalid('teamId', 'unknown_team', 'teamId names a team that does not exist');
        }
        const named = await this.members.activeSummaries(caller.organizationId, input.memberIds);
        const unknown = input.memberIds.findIndex((id) => !named.some((m) => m.id === id));
        if (unknown >= 0) {
          throw invalid(
            `memberIds.${unknown}`,
            'unknown_recipient',
            'memberIds names someone who is not a colleague',
          );
        }
        const praise = await this.insert({
          organizationId: caller.organizationId,
          teamId,
          memberIds: input.memberIds,
          text: input.text,
          rating: input.rating ?? null,
          customerName: input.customerName || null,
          contact: null,
          channel: input.channel,
          recordedById: caller.id,
        });
        return this.view(caller.organizationId, praise);
      },
    );
    return once.result;
  }

  /** Stores a new pending story (the public page's too), flagging a near-duplicate. */
  async insert(p: NewPraise): Promise<Praise> {
    const fingerprint = fingerprintOf(p.text);
    return this.transactions.run(async () => {
      const since = new Date(this.clock.now().getTime() - PRAISE_LIMITS.duplicateDays * DAY_MS);
      const duplicateOfId = await this.repository.duplicateOf(p.teamId, fingerprint, since);
      const { memberIds, ...fields } = p;
      return this.repository.insert(
        { ...fields, fingerprint, duplicateOfId, status: 'pending', createdAt: this.clock.now() },
        memberIds,
      );
    });
  }

  /** What waits for the caller's review: their teams' stories (an admin's: all), oldest first. */
  async queue(caller: AuthMember): Promise<ReviewPraiseDto[]> {
    const teamIds = caller.role === 'admin' ? null : caller.managedTeamIds;
    const rows = await this.repository.queue(caller.organizationId, teamIds, PRAISE_LIMITS.listMax);
    const named = await this.repository.membersOf(rows.map((r) => r.id));
    const lookups = await this.lookups(caller.organizationId, rows, named);
    return rows.map((r) => reviewPraiseDto(r, named.get(r.id) ?? [], lookups));
  }

  async approve(
    caller: AuthMember,
    id: string,
    valueId: string,
    key?: string,
  ): Promise<ReviewPraiseDto> {
    const { timezone, rules } = await this.organizations.context(caller.organizationId);
    const value = (await this.values.list(caller.organizationId)).find((v) => v.id === valueId);
    if (!value || value.archived) {
      throw invalid('valueId', 'unknown_value', 'valueId is not an active brand value');
    }
    const once = await this.idempotency.once(
      caller,
      key,
      { op: 'praise.approve', id, valueId },
      async () => {
        const { praise, memberIds } = await this.reviewable(caller, id);
        const now = this.clock.now();
        const today = localDate(now, timezone);
        const people = await this.members.activeSummaries(caller.organizationId, memberIds);
        const points = rules.praisePoints;
        const approved: Praise = {
          ...praise,
          status: 'approved',
          valueId,
          points,
          approvedOn: today,
          reviewerId: caller.id,
          reviewedAt: now,
          rejectReason: null,
        };
        await this.repository.review(praise.id, approved);
        // From the company: only `earned` lines, no giver's allowance moves.
        await this.points.record(
          caller.organizationId,
          points > 0
            ? people.map((m) => ({
                memberId: m.id,
                account: 'earned' as const,
                amount: points,
                teamId: m.teamId,
                occurredOn: today,
                sourceType: 'praise' as const,
                sourceId: praise.id,
              }))
            : [],
          now,
        );
        const paid = people.map((m) => m.id);
        this.transactions.afterCommit(() => {
          this.events.emit('praise.approved', {
            organizationId: caller.organizationId,
            praiseId: praise.id,
            teamId: praise.teamId,
            memberIds: paid,
            points,
          });
          if (points > 0 && paid.length > 0) {
            this.events.emit('points.changed', {
              organizationId: caller.organizationId,
              memberIds: paid,
            });
          }
        });
        return this.reviewView(caller.organizationId, approved, memberIds);
      },
    );
    return once.result;
  }

  async reject(caller: AuthMember, id: string, reason: string): Promise<ReviewPraiseDto> {
    return this.transactions.run(async () => {
      const { praise, memberIds } = await this.reviewable(caller, id);
      const rejected: Praise = {
        ...praise,
        status: 'rejected',
        reviewerId: caller.id,
        reviewedAt: this.clock.now(),
        rejectReason: reason,
      };
      await this.repository.review(praise.id, rejected);
      return this.reviewView(caller.organizationId, rejected, memberIds);
    });
  }

  /** A pending story the caller may review, locked: two reviews of it cannot both pass. */
  private async reviewable(
    caller: AuthMember,
    id: string,
  ): Promise<{ praise: Praise; memberIds: string[] }> {
    const praise = await this.repository.forUpdate(caller.organizationId, id);
    if (!praise) {
      throw notFound('Praise');
    }
    const mine =
      caller.role === 'admin' ||
      (praise.teamId !== null && caller.managedTeamIds.includes(praise.teamId));
    if (!mine) {
      throw forbidden('Only a manager of its team, or an admin, can review this praise.');
    }
    const memberIds = (await this.repository.membersOf([praise.id])).get(praise.id) ?? [];
    if (memberIds.includes(caller.id) || praise.recordedById === caller.id) {
      throw forbidden('Somebody else reviews praise you recorded or that names you.');
    }
    if (praise.status !== 'pending') {
      throw conflict('already_reviewed', 'This praise has already been reviewed.');
    }
    return { praise, memberIds };
  }

  private async view(organizationId: string, praise: Praise): Promise<PraiseDto> {
    const named = await this.repository.membersOf([praise.id]);
    const lookups = await this.lookups(organizationId, [praise], named);
    return praiseDto(praise, named.get(praise.id) ?? [], lookups);
  }

  private async reviewView(
    organizationId: string,
    praise: Praise,
    memberIds: string[],
  ): Promise<ReviewPraiseDto> {
    const lookups = await this.lookups(organizationId, [praise], new Map([[praise.id, memberIds]]));
    return reviewPraiseDto(praise, memberIds, lookups);
  }

  private async lookups(
    organizationId: string,
    rows: Praise[],
    named: Map<string, string[]>,
  ): Promise<PraiseLookups> {
    const ids = [
      ...[...named.values()].flat(),
      ...rows.map((r) => r.recordedById).filter((x): x is string => x !== null),
    ];
    // One after the other: inside a transaction they share its one connection.
    const members = await this.members.summaries(organizationId, ids);
    const teams = await this.teams.list(organizationId);
    const values = await this.values.list(organizationId);
    return {
      members,
      teams: new Map(teams.map((t) => [t.id, t.name])),
      values: new Map(values.map((v) => [v.id, v])),
    };
  }
}
