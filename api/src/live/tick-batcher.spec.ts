import { TickBatcher } from './tick-batcher';

describe('TickBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends a lone event at once and collapses a burst into one flush per tick', () => {
    const flushed: number[][] = [];
    const batcher = new TickBatcher<number[]>(
      250,
      () => [],
      (_, v) => flushed.push(v),
      () => Date.now(),
    );
    batcher.add('org', (v) => v.push(1));
    expect(flushed).toEqual([[1]]);
    for (let i = 2; i <= 100; i++) {
      batcher.add('org', (v) => v.push(i));
      jest.advanceTimersByTime(5); // 100 events in ~half a second
    }
    jest.advanceTimersByTime(300);
    expect(flushed.length).toBeLessThanOrEqual(4);
    expect(flushed.flat()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('keeps keys apart', () => {
    const flushed: string[] = [];
    const batcher = new TickBatcher<null>(
      250,
      () => null,
      (k) => flushed.push(k),
    );
    batcher.add('a', () => undefined);
    batcher.add('b', () => undefined);
    expect(flushed).toEqual(['a', 'b']);
  });
});
