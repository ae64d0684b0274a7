/** Events under one key within the window: how many, and when the oldest happened. */
export interface WindowCount {
  count: number;
  oldest: number | null;
}

/** Sliding-window event counters: in memory per instance, or in Redis shared by all. */
export interface WindowCounters {
  recent(key: string, now: number, windowMs: number): Promise<WindowCount>;
  add(key: string, now: number, windowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Adds between sweeps of expired keys, so rotating keys cannot grow the map without end. */
const SWEEP_EVERY = 1000;

export class MemoryWindowCounters implements WindowCounters {
  private readonly events = new Map<string, number[]>();
  private addsSinceSweep = 0;

  recent(key: string, now: number, windowMs: number): Promise<WindowCount> {
    const kept = this.prune(key, now, windowMs);
    return Promise.resolve({ count: kept.length, oldest: kept[0] ?? null });
  }

  add(key: string, now: number, windowMs: number): Promise<void> {
    if (++this.addsSinceSweep >= SWEEP_EVERY) {
      this.addsSinceSweep = 0;
      for (const k of [...this.events.keys()]) {
        this.prune(k, now, windowMs);
      }
    }
    this.events.set(key, [...this.prune(key, now, windowMs), now]);
    return Promise.resolve();
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
