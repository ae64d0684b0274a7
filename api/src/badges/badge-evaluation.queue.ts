import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainEvents } from '../events/domain-events';
import { kudosMetricChanges } from '../kudos/kudos-metrics.queries';
import { COMPLETION_METRICS } from '../missions/missions-metrics.queries';
import { MetricChangesQueue, type MetricChange } from '../metrics/metric-changes.queue';
import { BadgeAwards } from './badge-awards.service';

/** Automatic awards, off the request's path, on the facts that can change a badge's metric. */
@Injectable()
export class BadgeEvaluationQueue implements OnModuleInit, OnModuleDestroy {
  private readonly queue: MetricChangesQueue;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    awards: BadgeAwards,
    @Inject(Clock) clock: Clock,
  ) {
    this.queue = new MetricChangesQueue(
      'badge evaluation',
      new Logger(BadgeEvaluationQueue.name),
      (org, batch) => awards.evaluate(org, batch),
      () => clock.now(),
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
      this.events.on('mission.completed', ({ organizationId, memberId }) =>
        this.changed(organizationId, [{ memberIds: [memberId], metrics: COMPLETION_METRICS }]),
      ),
    );
  }

  /** Lets the work in flight finish (the database goes after this). */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribe.forEach((off) => off());
    await this.queue.close();
  }

  /** These members' values of these metrics may have changed: evaluate the badges counting them. */
  changed(organizationId: string, changes: MetricChange[]): void {
    this.queue.changed(organizationId, changes);
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
