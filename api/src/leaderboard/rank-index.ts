/** Boards remembered per instance; beyond this the oldest is dropped. */
const MAX_BOARDS = 2000;

/**
 * The sorted scores of a board, kept while the board's version stands still, so
 * "my rank" is a binary search instead of counting everyone above me (which grows
 * with the organisation). A stale board is never used: the caller counts in SQL
 * and a refresh runs in the background.
 */
export class RankIndex {
  private readonly boards = new Map<string, { version: number; scores: Int32Array }>();
  private readonly loading = new Set<string>();

  /** 1 + how many scored strictly more, or null when this board's index is missing or stale. */
  rank(key: string, version: number, points: number): number | null {
    const board = this.boards.get(key);
    if (!board || board.version !== version) {
      return null;
    }
    const scores = board.scores; // descending
    let lo = 0;
    let hi = scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scores[mid] > points) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo + 1;
  }

  /** Reloads a board once at a time; `load` must read version and scores in one snapshot. */
  refresh(key: string, load: () => Promise<{ version: number; scores: number[] }>): void {
    if (this.loading.has(key)) {
      return;
    }
    this.loading.add(key);
    load()
      .then(({ version, scores }) => {
        this.boards.delete(key);
        if (this.boards.size >= MAX_BOARDS) {
          this.boards.delete(this.boards.keys().next().value as string);
        }
        this.boards.set(key, { version, scores: Int32Array.from(scores) });
      })
      .catch(() => undefined) // the SQL count keeps answering; the next read retries
      .finally(() => this.loading.delete(key));
  }
}
