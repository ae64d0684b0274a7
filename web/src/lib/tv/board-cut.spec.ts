import { describe, expect, it } from 'vitest';
import { cutBoard } from './board-cut';

const board = (...ranks: number[]) => ranks.map((rank, i) => ({ rank, id: `m${i}` }));

describe('cutBoard', () => {
  it('says how many more share the last place shown', () => {
    const cut = cutBoard(board(1, 1, 1, 1), 1);
    expect(cut.shown.map((e) => e.id)).toEqual(['m0']);
    expect(cut.tiedBeyond).toBe(3);
  });

  it('counts only ties of the last place, not lower ranks', () => {
    expect(cutBoard(board(1, 2, 3, 3, 3, 6), 3).tiedBeyond).toBe(2);
    expect(cutBoard(board(1, 2, 3, 4), 3).tiedBeyond).toBe(0);
  });

  it('has nothing beyond a board shorter than the cut', () => {
    expect(cutBoard(board(1, 1), 5)).toEqual({ shown: board(1, 1), tiedBeyond: 0 });
    expect(cutBoard([], 3)).toEqual({ shown: [], tiedBeyond: 0 });
  });
});
