/**
 * Collapses bursts per key: the first event after a quiet period is flushed at
 * once; later ones wait for the next tick, so a key flushes at most once per
 * `tickMs` however many events arrive.
 */
export class TickBatcher<P> {
  private readonly pending = new Map<
    string,
    { value: P; timer: NodeJS.Timeout | null; lastFlush: number }
  >();

  constructor(
    private readonly tickMs: number,
    private readonly empty: () => P,
    private readonly flush: (key: string, value: P) => void,
    private readonly now: () => number = Date.now,
  ) {}

  add(key: string, merge: (value: P) => void): void {
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { value: this.empty(), timer: null, lastFlush: 0 };
      this.pending.set(key, entry);
    }
    merge(entry.value);
    if (entry.timer) {
      return;
    }
    const wait = entry.lastFlush + this.tickMs - this.now();
    if (wait <= 0) {
      this.fire(key);
    } else {
      entry.timer = setTimeout(() => this.fire(key), wait);
    }
  }

  stop(): void {
    for (const entry of this.pending.values()) {
      if (entry.timer) {
        clearTimeout(entry.timer);
      }
    }
    this.pending.clear();
  }

  private fire(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) {
      return;
    }
    const value = entry.value;
    entry.value = this.empty();
    entry.timer = null;
    entry.lastFlush = this.now();
    this.flush(key, value);
  }
}
