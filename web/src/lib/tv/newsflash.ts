import type { Celebration } from '$lib/live/display-live.svelte';

/** What interrupts the rotation: one celebration, or a burst of them said as one. */
export type Newsflash = Celebration | { kind: 'burst'; count: number };

/** Newsflashes waiting beyond this collapse into one "burst" (a busy minute is not a slideshow). */
export const NEWSFLASH_WAITING_MAX = 2;

/**
 * The TV's newsflash line: one at a time, in the order they came; when more pile up than a
 * screen can show in a few seconds each, those waiting become a single burst that counts them.
 * Time-free: the screen asks for the next one when the current one has had its seconds.
 */
export class NewsflashQueue {
  private waiting: Newsflash[] = [];
  current: Newsflash | null = null;

  /** Adds one; returns true when it shows at once (nothing was showing). */
  push(item: Celebration): boolean {
    if (!this.current) {
      this.current = item;
      return true;
    }
    const tail = this.waiting.at(-1);
    if (tail?.kind === 'burst') {
      this.waiting[this.waiting.length - 1] = { kind: 'burst', count: tail.count + 1 };
    } else if (this.waiting.length >= NEWSFLASH_WAITING_MAX) {
      const count = this.waiting.reduce((n, w) => n + (w.kind === 'burst' ? w.count : 1), 1);
      this.waiting = [{ kind: 'burst', count }];
    } else {
      this.waiting.push(item);
    }
    return false;
  }

  /** The current one is done: the next, or null when the line is empty. */
  next(): Newsflash | null {
    this.current = this.waiting.shift() ?? null;
    return this.current;
  }

  get pending(): number {
    return this.waiting.length;
  }

  clear(): void {
    this.waiting = [];
    this.current = null;
  }
}
