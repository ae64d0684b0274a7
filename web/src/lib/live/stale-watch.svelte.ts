/** How long a screen may miss updates before it says so. */
export const STALE_AFTER_MS = 60_000;

/**
 * Whether a screen has gone without a connection long enough to say so: it
 * keeps showing its last picture, and after a minute offline a calm band tells
 * since when ("Not updated since 10:42"). A short blip says nothing.
 */
export class StaleWatch {
  /** Since when the screen has not been updated; null while connected or not yet stale. */
  since = $state<number | null>(null);

  private lostAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly afterMs = STALE_AFTER_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The connection was lost (or never made): the band shows if it stays lost. */
  lost(): void {
    if (this.lostAt !== null) {
      return; // still the same outage: its start counts
    }
    this.lostAt = this.now();
    const lostAt = this.lostAt;
    this.timer = setTimeout(() => (this.since = lostAt), this.afterMs);
  }

  /** Connected again: the band goes. */
  back(): void {
    clearTimeout(this.timer);
    this.lostAt = null;
    this.since = null;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
