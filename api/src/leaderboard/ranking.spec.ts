import fc from 'fast-check';
import { competitionRanks } from './ranking';

describe('competitionRanks', () => {
  it('shares ranks on ties and skips after them', () => {
    expect(competitionRanks([50, 40, 40, 10])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([7, 7, 7])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('property: rank = 1 + how many scored strictly more', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (raw) => {
        const scores = [...raw].sort((a, b) => b - a);
        const ranks = competitionRanks(scores);
        scores.forEach((s, i) => expect(ranks[i]).toBe(1 + scores.filter((x) => x > s).length));
      }),
    );
  });
});
