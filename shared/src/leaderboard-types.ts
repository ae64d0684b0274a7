export const LEADERBOARD_PERIODS = ['week', 'month', 'last-month', 'all-time'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

export const LEADERBOARD_BOARDS = ['members', 'teams', 'givers'] as const;
export type LeaderboardBoard = (typeof LEADERBOARD_BOARDS)[number];

export interface MemberRankEntry {
  rank: number;
  memberId: string;
  name: string;
  teamId: string | null;
  points: number;
}

export interface TeamRankEntry {
  rank: number;
  teamId: string;
  name: string;
  /** Points per full-time equivalent of the active members, the ranking score (one decimal). */
  pointsPerMember: number;
  totalPoints: number;
  /** Active members (headcount). */
  memberCount: number;
  /** Full-time equivalents: the active members' part-time factors summed (two decimals). */
  fte: number;
}

export interface LeaderboardDto<E = MemberRankEntry | TeamRankEntry> {
  board: LeaderboardBoard;
  period: LeaderboardPeriod;
  /** First instant of the period (null for all time). */
  from: string | null;
  /** First instant after the period (null for all time). */
  to: string | null;
  /** Increases whenever any board of the organisation changes. */
  version: number;
  entries: E[];
  /** The caller's own entry (or their team's), even outside the top N. */
  me: E | null;
}

export interface ProfileDto {
  member: { id: string; name: string; teamId: string | null; role: string };
  earned: { thisMonth: number; allTime: number };
  given: { thisMonth: number; allTime: number };
  /** Recognition received, by brand value, all time. */
  byValue: {
    valueId: string;
    name: string;
    emoji: string | null;
    color: string;
    kudos: number;
    points: number;
  }[];
}

export interface LedgerEntryDto {
  id: string;
  account: 'earned' | 'given';
  amount: number;
  sourceType: string;
  sourceId: string | null;
  occurredOn: string;
  createdAt: string;
}

/** The kudos behind a history entry: who and which, so the line can name them. */
export interface HistoryKudosDto {
  id: string;
  giver: { id: string; name: string };
  recipients: { id: string; name: string }[];
  /** For a boost's entries: who boosted it. */
  booster: { id: string; name: string } | null;
  valueName: string;
}

/** A ledger entry with the kudos it came from (null for other sources). */
export interface HistoryEntryDto extends LedgerEntryDto {
  kudos: HistoryKudosDto | null;
}

export interface FairPlayFlag {
  kind: 'reciprocal_pair' | 'allowance_dumping';
  memberIds: string[];
  names: string[];
  /** Human-readable reason with the numbers behind it. */
  reason: string;
  points: number;
}

export interface LedgerDriftReport {
  ok: boolean;
  checkedTotals: number;
  drift: {
    memberId: string;
    account: string;
    periodType: string;
    periodStart: string;
    expected: number;
    actual: number;
  }[];
}
