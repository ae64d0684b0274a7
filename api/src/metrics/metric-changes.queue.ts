import type { Logger } from '@nestjs/common';

/** Metrics that may have changed, per member (what a kudos or a mission touched). */
export type MetricChanges = Map<string, Set<string>>;

export interface MetricChange {
  memberIds: readonly string[];
  metrics: readonly string[];
}

/**
 * What one run evaluates: the changes coalesced since the batch began, and when it began. A
 * run may start after midnight (or a month's end) for changes made before it, so it counts
 * the windows from `since` to now, not only the window it runs in.
 */
export interface MetricBatch {
  changes: MetricChanges;
  since: Date;
}

/**
 * How long what changed gathers before an evaluation starts: a burst of kudos becomes a few
 * evaluations, and they do not compete with the burst's own writes.
 */
export const EVALUATION_DELAY_MS = 200;
/**
 * Under a burst, rounds at most this often per organisation: each round queries everything
 * its changes touch, and back to back they would compete with the giving they follow
 * (the bench's giving-with-badges-and-missions ratio).
 */
export const EVALUATION_INTERVAL_MS = 1000;

/**
 * Work on changed metrics, off the request's path: changes are queued per organisation and
 * coalesced (one run at a time per organisation takes everything queued meanwhile). Errors
 * are logged, never thrown into the request that caused them. Badges and tracked missions
 * each own one.
 */
export class MetricChangesQueue {
  private readonly pending = new Map<string, MetricBatch>();
  private readonly running = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly run: (organizationId: string, batch: MetricBatch) => Promise<unknown>,
    private readonly now: () => Date,
  ) {}

  changed(organizationId: string, changes: readonly MetricChange[]): void {
    if (this.closed) {
      return;
    }
    let batch = this.pending.get(organizationId);
    if (!batch) {
      batch = { changes: new Map(), since: this.now() };
      this.pending.set(organizationId, batch);
    }
    const queued = batch.changes;
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

  /** Takes nothing new; lets the work in flight finish. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private start(organizationId: string): void {
    const run = (async () => {
      // Off the emitter's stack (the response goes out first), gathering what follows.
      await new Promise((resolve) => setTimeout(resolve, EVALUATION_DELAY_MS));
      for (;;) {
        const batch = this.pending.get(organizationId);
        if (!batch) {
          return;
        }
        this.pending.delete(organizationId);
        try {
          await this.run(organizationId, batch);
        } catch (error) {
          this.logger.error(
            `${this.what} failed for organisation ${organizationId}: ${String(error)}`,
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
