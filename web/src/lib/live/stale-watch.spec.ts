import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaleWatch } from './stale-watch.svelte';

describe('StaleWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T10:42:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('says nothing for a minute, then since when the screen was last updated', () => {
    const watch = new StaleWatch();
    watch.lost();
    vi.advanceTimersByTime(59_999);
    expect(watch.since).toBeNull();
    vi.advanceTimersByTime(1);
    expect(watch.since).toBe(new Date('2026-12-02T10:42:00Z').getTime());
  });

  it('keeps the start of one outage however often it is reported', () => {
    const watch = new StaleWatch();
    watch.lost();
    vi.advanceTimersByTime(30_000);
    watch.lost();
    vi.advanceTimersByTime(30_000);
    expect(watch.since).toBe(new Date('2026-12-02T10:42:00Z').getTime());
  });

  it('goes when the connection is back, and a blip shows nothing', () => {
    const watch = new StaleWatch();
    watch.lost();
    vi.advanceTimersByTime(61_000);
    watch.back();
    expect(watch.since).toBeNull();
    watch.lost();
    vi.advanceTimersByTime(10_000);
    watch.back();
    vi.advanceTimersByTime(120_000);
    expect(watch.since).toBeNull();
  });
});
