import fc from 'fast-check';
import { RankIndex } from './rank-index';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RankIndex', () => {
  it('answers only for the version it was loaded at', async () => {
    const index = new RankIndex();
    expect(index.rank('b', 3, 10)).toBeNull();
    index.refresh('b', () => Promise.resolve({ version: 3, scores: [50, 40, 40, 10] }));
    await settle();
    expect(index.rank('b', 3, 40)).toBe(2);
    expect(index.rank('b', 4, 40)).toBeNull();
  });

  it('property: rank = 1 + how many scored strictly more', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 310 }),
        async (raw, mine) => {
          const scores = [...raw].sort((a, b) => b - a);
          const index = new RankIndex();
          index.refresh('k', () => Promise.resolve({ version: 1, scores }));
          await settle();
          expect(index.rank('k', 1, mine)).toBe(1 + scores.filter((s) => s > mine).length);
        },
      ),
    );
  });
});
