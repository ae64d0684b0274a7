/** Competition ranking ("1224"): equal scores share a rank, the next rank skips. Input sorted best first. */
export function competitionRanks(scores: number[]): number[] {
  const ranks: number[] = [];
  scores.forEach((score, i) => {
    ranks.push(i > 0 && score === scores[i - 1] ? ranks[i - 1] : i + 1);
  });
  return ranks;
}
