/** The answer to one attempt: counted, or refused with the time of the oldest counted one. */
export type Hit = { allowed: true } | { allowed: false; oldest: number };

/**
 * Sliding-window counters: in memory per instance, or in Redis shared by all.
 * `hit` checks and counts in one step, so attempts racing on one key (two
 * requests, or two instances) cannot both slip under the limit.
 */
export interface WindowCounters {
  hit(key: string, now: number, windowMs: number, limit: number): Promise<Hit>;
  clear(key: string): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Hits between sweeps of expired keys, so rotating keys cannot grow the map without end. */
const SWEEP_EVERY = 1000;

export class MemoryWindowCounters implements WindowCounters {
  private readonly events = new Map<string, number[]>();
  private hitsSinceSweep = 0;

  hit(key: string, now: number, windowMs: number, limit: number): Promise<Hit> {
    if (++this.hitsSinceSweep >= SWEEP_EVERY) {
      this.hitsSinceSweep = 0;
      for (const k of [...this.events.keys()]) {
        this.prune(k, now, windowMs);
      }
    }
    const kept = this.prune(key, now, windowMs);
    if (kept.length >= limit) {
      return Promise.resolve({ allowed: false, oldest: kept[0] ?? now });
    }
    this.events.set(key, [...kept, now]);
    return Promise.resolve({ allowed: true });
  }

  clear(key: string): Promise<void> {
    this.events.delete(key);
    return Promise.resolve();
  }

  open(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private prune(key: string, now: number, windowMs: number): number[] {
    const kept = (this.events.get(key) ?? []).filter((at) => at > now - windowMs);
    if (kept.length === 0) {
      this.events.delete(key);
    } else {
      this.events.set(key, kept);
    }
    return kept;
  }
}
