import { describe, expect, it } from 'vitest';
import type { Celebration } from '$lib/live/display-live.svelte';
import { NEWSFLASH_WAITING_MAX, NewsflashQueue } from './newsflash';

const lead = (name: string): Celebration => ({ kind: 'lead', name });

describe('NewsflashQueue', () => {
  it('shows the first at once and the next ones in order', () => {
    const queue = new NewsflashQueue();
    expect(queue.push(lead('Ana'))).toBe(true);
    expect(queue.push(lead('Ben'))).toBe(false);
    expect(queue.current).toEqual(lead('Ana'));
    expect(queue.next()).toEqual(lead('Ben'));
    expect(queue.next()).toBeNull();
    expect(queue.current).toBeNull();
    expect(queue.push(lead('Cleo'))).toBe(true);
  });

  it('collapses a burst into one newsflash that counts everything waiting', () => {
    const queue = new NewsflashQueue();
    queue.push(lead('shown'));
    const burst = 7;
    for (let i = 0; i < burst; i += 1) {
      queue.push(lead(`waiting ${i}`));
    }
    expect(queue.pending).toBe(1);
    expect(queue.next()).toEqual({ kind: 'burst', count: burst });
    expect(queue.next()).toBeNull();
  });

  it('keeps a small queue as it is', () => {
    const queue = new NewsflashQueue();
    queue.push(lead('shown'));
    for (let i = 0; i < NEWSFLASH_WAITING_MAX; i += 1) {
      queue.push(lead(`waiting ${i}`));
    }
    expect(queue.pending).toBe(NEWSFLASH_WAITING_MAX);
    expect(queue.next()).toEqual(lead('waiting 0'));
  });
});
