interface Entry<P> {
  value: P;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  lastFlush: number;
  /** A flush of this key is still running: the next waits for it, so pushes stay in order. */
  running: boolean;
}

/**
 * Collapses bursts per key: the first event after a quiet period is flushed at
 * once; later ones wait for the next tick, so a key flushes at most once per
 * `tickMs` however many events arrive, and never while its previous flush runs.
 */
export class TickBatcher<P> {
  private readonly pending = new Map<string, Entry<P>>();
  private stopped = false;

  constructor(
    private readonly tickMs: number,
    private readonly empty: () => P,
    private readonly flush: (key: string, value: P) => Promise<void> | void,
    private readonly now: () => number = Date.now,
  ) {}

  add(key: string, merge: (value: P) => void): void {
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { value: this.empty(), dirty: false, timer: null, lastFlush: 0, running: false };
      this.pending.set(key, entry);
    }
    merge(entry.value);
    entry.dirty = true;
    this.schedule(key, entry);
  }

  stop(): void {
    this.stopped = true;
    for (const entry of this.pending.values()) {
      if (entry.timer) {
        clearTimeout(entry.timer);
      }
    }
    this.pending.clear();
  }

  private schedule(key: string, entry: Entry<P>): void {
    if (entry.timer || entry.running || !entry.dirty || this.stopped) {
      return;
    }
    const wait = entry.lastFlush + this.tickMs - this.now();
    if (wait <= 0) {
      this.fire(key, entry);
    } else {
      entry.timer = setTimeout(() => this.fire(key, entry), wait);
    }
  }

  private fire(key: string, entry: Entry<P>): void {
    const value = entry.value;
    entry.value = this.empty();
    entry.dirty = false;
    entry.timer = null;
    entry.lastFlush = this.now();
    entry.running = true;
    const done = () => {
      entry.running = false;
      this.schedule(key, entry);
    };
    let result: Promise<void> | void;
    try {
      result = this.flush(key, value);
    } catch {
      result = undefined; // the flush reports its own errors; batching goes on
    }
    if (result instanceof Promise) {
      void result.then(done, done);
    } else {
      done();
    }
  }
}
