/** A board cut to a screen's top N, and who else shares the last place shown. */
export interface BoardCut<E> {
  shown: E[];
  /** Entries past the cut with the same rank as the last one shown ("+3 tied"). */
  tiedBeyond: number;
}

/**
 * The first `topN` entries, and how many more are tied with the last of them:
 * nobody at the same score silently disappears (four at 5 points, top 1 →
 * one shown, "+3 tied"). Ranks are shared by ties (1, 2, 2, 4).
 */
export function cutBoard<E extends { rank: number }>(entries: E[], topN: number): BoardCut<E> {
  const shown = entries.slice(0, Math.max(0, topN));
  const last = shown.at(-1);
  const tiedBeyond = last
    ? entries.slice(shown.length).filter((e) => e.rank === last.rank).length
    : 0;
  return { shown, tiedBeyond };
}
