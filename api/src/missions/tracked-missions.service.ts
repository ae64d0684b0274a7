import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { MemberSummary } from '@bravo/shared';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { DomainEvents } from '../events/domain-events';
import { kudosMetricChanges } from '../kudos/kudos-metrics.queries';
import { MembersService } from '../members/members.service';
import {
  MetricChangesQueue,
  type MetricBatch,
  type MetricChange,
} from '../metrics/metric-changes.queue';
import { OrganizationsService } from '../organizations/organizations.service';
import { localDate } from '../points/periods';
import type { Mission } from './mission.entity';
import { MissionCompletions } from './mission-completions.service';
import { isFor } from './mission-rules';
import { MissionsRepository } from './missions.repository';
import { TrackedProgress } from './tracked-progress.service';

/**
 * Tracked missions complete themselves: on the facts that move their metric (a kudos), off
 * the request's path like badge evaluation, each affected member's count in the span is
 * read, and every whole multiple of the threshold not yet completed (up to the mission's
 * limit) becomes an approved completion — under the member's lock, so a completion happens
 * exactly once however many evaluations race. A team target sums the metric over the team.
 */
@Injectable()
export class TrackedMissions implements OnModuleInit, OnModuleDestroy {
  private readonly queue: MetricChangesQueue;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly sweeps = new Set<Promise<void>>();
  private readonly logger = new Logger(TrackedMissions.name);

  constructor(
    private readonly events: DomainEvents,
    private readonly repository: MissionsRepository,
    private readonly progress: TrackedProgress,
    private readonly completions: MissionCompletions,
    private readonly members: MembersService,
    private readonly organizations: OrganizationsService,
    private readonly transactions: Transactions,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.queue = new MetricChangesQueue(
      'tracked mission evaluation',
      this.logger,
      (org, batch) => this.evaluate(org, batch),
      () => this.clock.now(),
    );
  }

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('kudos.created', ({ organizationId, kudos }) =>
        this.changed(organizationId, kudosMetricChanges(kudos)),
      ),
      this.events.on('praise.approved', ({ organizationId, memberIds }) =>
        this.changed(organizationId, [{ memberIds, metrics: ['praise_approved'] }]),
      ),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe.forEach((off) => off());
    await this.queue.close();
    await Promise.all(this.sweeps);
  }

  /** These members' values of these metrics may have changed (every feature's facts come here). */
  changed(organizationId: string, changes: MetricChange[]): void {
    this.queue.changed(organizationId, changes);
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await Promise.all(this.sweeps);
  }

  /**
   * A tracked mission just published while its span runs: what was counted before it was
   * published completes it now, for everyone, in the background.
   */
  published(mission: Mission, timezone: string): void {
    const sweep = this.evaluateMission(mission, null, timezone)
      .catch((error: unknown) =>
        this.logger.error(`tracked mission ${mission.id} evaluation failed: ${String(error)}`),
      )
      .finally(() => this.sweeps.delete(sweep));
    this.sweeps.add(sweep);
  }

  /**
   * Re-counts the tracked missions whose metric changed and that ran while it changed (one
   * that ended at midnight still counts a change made before it), for whom it changed.
   */
  async evaluate(organizationId: string, { changes, since }: MetricBatch): Promise<void> {
    const metrics = [...new Set([...changes.values()].flatMap((s) => [...s]))];
    const { timezone } = await this.organizations.context(organizationId);
    const today = localDate(this.clock.now(), timezone);
    const first = localDate(since, timezone);
    const running = await this.repository.trackedRunning(
      organizationId,
      { from: first < today ? first : today, to: today }, // (a clock set back, as tests do)
      metrics,
    );
    for (const mission of running) {
      const metric = mission.trackedMetric;
      const memberIds = [...changes].filter(([, m]) => metric && m.has(metric)).map(([id]) => id);
      await this.evaluateMission(mission, memberIds, timezone);
    }
  }

  /**
   * Everyone's count on one mission (a mission published after its span began may already be
   * reached); `memberIds` null: the whole organisation.
   */
  async evaluateMission(
    mission: Mission,
    memberIds: string[] | null,
    timezone: string,
  ): Promise<void> {
    const threshold = mission.trackedThreshold;
    if (!threshold) {
      return;
    }
    const now = this.clock.now();
    const today = localDate(now, timezone);
    const counts = await this.progress.counts(mission, memberIds, today);
    const people = new Map(
      (
        await this.members.activeSummaries(
          mission.organizationId,
          memberIds ?? counts.map((c) => c.memberId),
        )
      ).map((m) => [m.id, m]),
    );
    const earnedBy: { member: MemberSummary; earned: number }[] = [];
    for (const { memberId, value } of counts) {
      const member = people.get(memberId);
      const earned = Math.min(mission.maxCompletions, Math.floor(value / threshold));
      if (member && earned > 0 && isFor(mission, member.teamId)) {
        earnedBy.push({ member, earned });
      }
    }
    // One read finds who has completions to come; only they take the lock and count again.
    const before = await this.repository.approvedBy(
      mission.id,
      earnedBy.map(({ member }) => member.id),
    );
    for (const { member, earned } of earnedBy.filter(
      (e) => (before.get(e.member.id) ?? 0) < e.earned,
    )) {
      await this.transactions.runInBackground(async () => {
        await this.repository.lock(`mission:${mission.id}:member:${member.id}`);
        const done = (await this.repository.progress(member.id, [mission.id])).get(mission.id);
        for (let n = done?.approved ?? 0; n < earned; n++) {
          const submission = await this.repository.insertSubmission({
            organizationId: mission.organizationId,
            missionId: mission.id,
            memberId: member.id,
            teamId: member.teamId,
            status: 'approved',
            // Counted after the span ended, it was completed on its last day.
            completedOn: today > mission.endsOn ? mission.endsOn : today,
          });
          await this.completions.complete(mission, submission, now, timezone);
        }
      });
    }
    if (mission.targetCompletions === null) {
      return;
    }
    // A team that reached the target has had its bonus: its meter stands.
    const reached = new Set(
      (await this.repository.reachedTargets([mission.id])).map((r) => r.team_id),
    );
    const teams = new Set<string>();
    for (const m of people.values()) {
      if (m.teamId && isFor(mission, m.teamId) && !reached.has(m.teamId)) {
        teams.add(m.teamId);
      }
    }
    for (const teamId of teams) {
      await this.transactions.runInBackground(async () => {
        await this.completions.lockTeam(mission, teamId);
        const total = (await this.progress.teamTotals(mission, [teamId], today)).get(teamId) ?? 0;
        await this.completions.teamTotal(mission, teamId, total, now, timezone);
      });
    }
  }
}
