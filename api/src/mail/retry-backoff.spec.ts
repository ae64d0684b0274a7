import { retryDelayMs } from './retry-backoff';

describe('mail retry backoff', () => {
  it('doubles from the base and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 10_000))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    expect(retryDelayMs(30, 10_000)).toBe(3_600_000);
  });
});
