import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from '@bravo/shared';

type Entry = MemberRankEntry | TeamRankEntry;

export const entryId = (entry: Entry): string =>
  'memberId' in entry ? entry.memberId : entry.teamId;

/**
 * Whether a pushed board can stand in for the shown one: the same people (or
 * teams), only with new points and ranks. Pushes carry a screen's top N, so a
 * board that gained or lost an entrant may go on below it and is refetched instead.
 */
export function sameEntrants(pushed: LeaderboardDto<Entry>, shown: LeaderboardDto<Entry>): boolean {
  if (pushed.entries.length !== shown.entries.length) {
    return false;
  }
  const ids = new Set(shown.entries.map(entryId));
  return pushed.entries.every((entry) => ids.has(entryId(entry)));
}

/** Pushes only move forward: an older or repeated version is dropped. */
export const isNewer = (pushed: { version: number }, shown: { version: number }): boolean =>
  pushed.version > shown.version;

interface Ranked {
  rank: number;
  memberId: string;
  name: string;
  /** Absent on a public-safe screen, whose boards only hold members with points. */
  points?: number;
}

/** The name of someone who just reached first place (not a mere reshuffle within a tie). */
export function newLeader(before: Ranked[], after: Ranked[]): string | null {
  if (before.length === 0) {
    return null;
  }
  const leadersBefore = new Set(before.filter((e) => e.rank === 1).map((e) => e.memberId));
  const fresh = after.find(
    (entry) => entry.rank === 1 && entry.points !== 0 && !leadersBefore.has(entry.memberId),
  );
  return fresh?.name ?? null;
}
