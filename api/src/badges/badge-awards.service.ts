import { Inject, Injectable } from '@nestjs/common';
import type { MemberSummary } from '@bravo/shared';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { DomainEvents } from '../events/domain-events';
import { MembersService } from '../members/members.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { evaluationDays, windowStartOf } from './badge-windows';
import type { MetricBatch } from '../metrics/metric-changes.queue';
import { localDate } from '../points/periods';
import { PointsService, type LedgerLine } from '../points/points.service';
import type { Badge } from './badge.entity';
import type { MetricQuery } from './badge-metric-source';
import { BadgeMetrics } from './badge-metrics';
import { BadgesRepository, type InsertedAward } from './badges.repository';

/** Whom to evaluate: everyone over every window (retroactive) or a few members now. */
export interface AwardScope {
  memberIds: string[] | null;
  windows: MetricQuery['windows'];
  /** The local date counted up to (its window is the current one); default: today. */
  asOf?: string;
}

/**
 * Awards badges to whoever qualifies, set-based: one metric query (≥ threshold, per window),
 * one `INSERT … ON CONFLICT DO NOTHING RETURNING`, then the bonus for exactly the inserted
 * awards through `PointsService` — all in one transaction; the events after commit.
 */
@Injectable()
export class BadgeAwards {
  constructor(
    private readonly repository: BadgesRepository,
    private readonly metrics: BadgeMetrics,
    private readonly members: MembersService,
    private readonly organizations: OrganizationsService,
    private readonly points: PointsService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Who qualifies for a rule now (active members, by name), without writing. */
  async qualifying(
    organizationId: string,
    rule: Pick<Badge, 'metric' | 'threshold' | 'window' | 'valueId'>,
    scope: AwardScope,
  ): Promise<{ counts: { memberId: string; windowStart: string }[]; members: MemberSummary[] }> {
    const { timezone } = await this.organizations.context(organizationId);
    const counts = await this.metrics.counts({
      organizationId,
      metric: rule.metric,
      window: rule.window,
      valueId: rule.valueId,
      memberIds: scope.memberIds,
      windows: scope.windows,
      today: scope.asOf ?? localDate(this.clock.now(), timezone),
      atLeast: rule.threshold,
    });
    const members = await this.members.activeSummaries(organizationId, [
      ...new Set(counts.map((c) => c.memberId)),
    ]);
    const active = new Set(members.map((m) => m.id));
    return { counts: counts.filter((c) => active.has(c.memberId)), members };
  }

  /** Awards one badge (in the caller's transaction, or its own); returns the new awards. */
  award(organizationId: string, badge: Badge, scope: AwardScope): Promise<InsertedAward[]> {
    return this.transactions.run(async () => {
      const { timezone } = await this.organizations.context(organizationId);
      const { counts, members } = await this.qualifying(organizationId, badge, scope);
      const now = this.clock.now();
      const inserted = await this.repository.insertAwards(
        organizationId,
        badge.id,
        counts.map((c) => ({ memberId: c.memberId, windowStart: c.windowStart })),
        now,
      );
      const teamOf = new Map(members.map((m) => [m.id, m.teamId]));
      if (badge.bonusPoints > 0 && inserted.length > 0) {
        const today = localDate(now, timezone);
        await this.points.record(
          organizationId,
          inserted.map((a): LedgerLine => ({
            memberId: a.memberId,
            account: 'earned',
            amount: badge.bonusPoints,
            teamId: teamOf.get(a.memberId) ?? null,
            occurredOn: today,
            sourceType: 'badge',
            sourceId: a.id,
          })),
          now,
        );
      }
      this.transactions.afterCommit(() => this.announce(organizationId, badge, inserted, now));
      return inserted;
    });
  }

  /**
   * Evaluates the active badges counting a changed metric, for the members it changed for, in
   * every window the batch's changes fell in (a change at 23:59 on the month's last day still
   * counts for that month when the run starts after midnight).
   */
  async evaluate(
    organizationId: string,
    { changes, since }: MetricBatch,
  ): Promise<InsertedAward[]> {
    const metrics = [...new Set([...changes.values()].flatMap((s) => [...s]))].filter((m) =>
      this.metrics.answers(m),
    );
    if (metrics.length === 0) {
      return [];
    }
    const badges = await this.repository.activeFor(organizationId, metrics);
    const { timezone } = await this.organizations.context(organizationId);
    const today = localDate(this.clock.now(), timezone);
    const from = localDate(since, timezone);
    // Members who already hold a badge for a window need no metric query for it.
    const held = await this.repository.held(
      organizationId,
      badges.map((b) => b.id),
      [...changes.keys()],
    );
    return this.transactions.runInBackground(async () => {
      const all: InsertedAward[] = [];
      for (const badge of badges) {
        for (const asOf of evaluationDays(badge.window, from, today)) {
          const window = windowStartOf(badge.window, asOf);
          const memberIds = [...changes]
            .filter(([id, m]) => m.has(badge.metric) && !held.has(`${badge.id}/${id}/${window}`))
            .map(([id]) => id);
          if (memberIds.length > 0) {
            const scope = { memberIds, windows: 'current' as const, asOf };
            all.push(...(await this.award(organizationId, badge, scope)));
          }
        }
      }
      return all;
    });
  }

  private announce(organizationId: string, badge: Badge, awards: InsertedAward[], at: Date): void {
    for (const a of awards) {
      this.events.emit('badge.awarded', {
        organizationId,
        memberId: a.memberId,
        awardId: a.id,
        badge: {
          id: badge.id,
          name: badge.name,
          icon: badge.icon,
          imageId: badge.imageId,
          description: badge.description,
          valueId: badge.valueId,
          bonusPoints: badge.bonusPoints,
        },
        windowStart: a.windowStart,
        awardedAt: at,
      });
    }
    if (badge.bonusPoints > 0 && awards.length > 0) {
      this.events.emit('points.changed', {
        organizationId,
        memberIds: [...new Set(awards.map((a) => a.memberId))],
      });
    }
  }
}
