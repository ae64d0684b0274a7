import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events';
import { GIVER_METRICS, RECIPIENT_METRICS } from '../kudos/kudos-metrics.queries';
import { COMPLETION_METRICS } from '../missions/missions-metrics.queries';
import { BadgeAwards, type MetricChanges } from './badge-awards.service';

/**
 * How long what changed gathers before an evaluation starts: a burst of kudos becomes a few
 * evaluations, and they do not compete with the burst's own writes.
 */
export const EVALUATION_DELAY_MS = 200;
/**
 * Under a burst, rounds at most this often per organisation: each round queries every
 * badge its changes touch, and back to back they would compete with the giving they follow
 * (the bench's giving-with-badges ratio).
 */
export const EVALUATION_INTERVAL_MS = 1000;

/**
 * Automatic awards, off the request's path: what changed is queued per organisation and
 * coalesced (one evaluation at a time per organisation takes everything queued meanwhile).
 * Errors are logged, never thrown into the request that caused them.
 */
@Injectable()
export class BadgeEvaluationQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BadgeEvaluationQueue.name);
  private readonly pending = new Map<string, MetricChanges>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly events: DomainEvents,
    private readonly awards: BadgeAwards,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('kudos.created', ({ organizationId, kudos }) =>
        this.changed(organizationId, [
          { memberIds: [kudos.giver.id], metrics: GIVER_METRICS },
          { memberIds: kudos.recipients.map((r) => r.id), metrics: RECIPIENT_METRICS },
        ]),
      ),
      this.events.on('mission.completed', ({ organizationId, memberId }) =>
        this.changed(organizationId, [{ memberIds: [memberId], metrics: COMPLETION_METRICS }]),
      ),
    );
  }

  /** Lets the work in flight finish (the database goes after this). */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.unsubscribe.forEach((off) => off());
    await this.idle();
  }

  /**
   * These members' values of these metrics may have changed: evaluate the badges counting
   * them. The entry point for every feature's facts (missions: `COMPLETION_METRICS`).
   */
  changed(
    organizationId: string,
    changes: { memberIds: readonly string[]; metrics: readonly string[] }[],
  ): void {
    if (this.closed) {
      return;
    }
    let queued = this.pending.get(organizationId);
    if (!queued) {
      queued = new Map();
      this.pending.set(organizationId, queued);
    }
    for (const { memberIds, metrics } of changes) {
      for (const id of memberIds) {
        const set = queued.get(id) ?? new Set<string>();
        metrics.forEach((m) => set.add(m));
        queued.set(id, set);
      }
    }
    if (!this.running.has(organizationId)) {
      this.start(organizationId);
    }
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all(this.running.values());
    }
  }

  private start(organizationId: string): void {
    const run = (async () => {
      // Off the emitter's stack (the response goes out first), gathering what follows.
      await new Promise((resolve) => setTimeout(resolve, EVALUATION_DELAY_MS));
      for (;;) {
        const changes = this.pending.get(organizationId);
        if (!changes) {
          return;
        }
        this.pending.delete(organizationId);
        try {
          await this.awards.evaluate(organizationId, changes);
        } catch (error) {
          this.logger.error(
            `badge evaluation failed for organisation ${organizationId}: ${String(error)}`,
          );
        }
        if (this.pending.has(organizationId) && !this.closed) {
          await new Promise((resolve) => setTimeout(resolve, EVALUATION_INTERVAL_MS));
        }
      }
    })().finally(() => {
      this.running.delete(organizationId);
      if (this.pending.has(organizationId) && !this.closed) {
        this.start(organizationId);
      }
    });
    this.running.set(organizationId, run);
  }
}
