import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles up to its ceiling, with jitter between half and the whole wait', () => {
    const highest = new Backoff(1000, 5000, () => 1);
    expect([1, 2, 3, 4].map(() => highest.next())).toEqual([1000, 2000, 4000, 5000]);
    const lowest = new Backoff(1000, 5000, () => 0);
    expect([1, 2, 3].map(() => lowest.next())).toEqual([500, 1000, 2000]);
  });

  it('starts over after a reset', () => {
    const backoff = new Backoff(1000, 5000, () => 1);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });
});
