import { TickBatcher } from './tick-batcher';

describe('TickBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends a lone event at once and collapses a burst into one flush per tick', () => {
    const flushed: number[][] = [];
    const batcher = new TickBatcher<number[]>(
      250,
      () => [],
      (_, v) => void flushed.push(v),
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
      (k) => void flushed.push(k),
    );
    batcher.add('a', () => undefined);
    batcher.add('b', () => undefined);
    expect(flushed).toEqual(['a', 'b']);
  });

  it('never runs two flushes of a key at once: a slow flush delays the next, nothing is lost', async () => {
    const flushed: number[][] = [];
    let finish: () => void = () => undefined;
    let running = 0;
    let overlapped = false;
    const batcher = new TickBatcher<number[]>(
      250,
      () => [],
      (_, v) => {
        overlapped ||= running > 0;
        running++;
        flushed.push(v);
        return new Promise<void>((resolve) => {
          finish = () => {
            running--;
            resolve();
          };
        });
      },
    );
    batcher.add('org', (v) => v.push(1));
    batcher.add('org', (v) => v.push(2));
    jest.advanceTimersByTime(1000); // the first flush is still running: no second one
    expect(flushed).toEqual([[1]]);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(0);
    expect(flushed).toEqual([[1], [2]]);
    finish();
    expect(overlapped).toBe(false);
  });
});
