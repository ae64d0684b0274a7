/**
 * Analytics: is the recognition programme working? Figures for admins (the organisation) and
 * managers (their teams), over local dates of the organisation's time zone. Every table here
 * also downloads as CSV: `GET /api/v1/analytics/csv/{table}` with the same query.
 * Stable contract: add fields, never rename them.
 */
import type { PraiseChannel } from './praise-types.js';

export const ANALYTICS_LIMITS = {
  /** Longest span one request may ask for, in days (both ends included). */
  maxSpanDays: 400,
  /** The span when `from`/`to` are left out: the last 90 days to today. */
  defaultSpanDays: 90,
  /** Members nobody recognised within this many days (to `to`) are listed. */
  notRecognisedDays: 30,
  /** Share of members whose points count as "the top" for concentration. */
  topShare: 0.1,
  /** Givers a JSON answer lists (the CSV lists every giver). */
  topGivers: 10,
} as const;

/** The tables that download as CSV (`/api/v1/analytics/csv/{table}`). */
export const ANALYTICS_CSV_TABLES = [
  'participation-weeks',
  'participation-months',
  'values',
  'value-weeks',
  'not-recognised',
  'concentration',
  'team-fte',
  'top-givers',
  'missions',
  'praise',
  'badges',
] as const;
export type AnalyticsCsvTable = (typeof ANALYTICS_CSV_TABLES)[number];

/** The period a figure covers, as the server settled it (defaults filled in). */
export interface AnalyticsRangeDto {
  /** First local date, included. */
  from: string;
  /** Last local date, included. */
  to: string;
  /** The team asked for; null: every team the caller may see. */
  teamId: string | null;
  /** The organisation's time zone the dates are in. */
  timezone: string;
}

/** One week (Monday first) or calendar month of participation. */
export interface ParticipationPeriodDto {
  /** The period's first local date (a Monday, or the 1st), even when the range starts later. */
  periodStart: string;
  /** Members active now in the scope: the denominator. */
  activeMembers: number;
  /** Of them, how many gave at least one kudos in the period (within the range). */
  givers: number;
  /** Of them, how many received at least one kudos in the period (within the range). */
  receivers: number;
  /** givers / activeMembers (0–1; 0 with no members). */
  giverShare: number;
  /** receivers / activeMembers (0–1). */
  receiverShare: number;
}

export interface AnalyticsParticipationDto {
  range: AnalyticsRangeDto;
  weeks: ParticipationPeriodDto[];
  months: ParticipationPeriodDto[];
}

/** Recognition (kudos, not withdrawn or hidden) for one brand value over the range. */
export interface ValueTotalDto {
  valueId: string;
  name: string;
  emoji: string | null;
  color: string;
  kudos: number;
  /** Points received for it (each recipient's points, boosts included). */
  points: number;
}

export interface ValueWeekDto {
  /** Monday of the week. */
  weekStart: string;
  valueId: string;
  kudos: number;
  points: number;
}

export interface AnalyticsValuesDto {
  range: AnalyticsRangeDto;
  /** Every brand value of the organisation (zero when unused), most kudos first. */
  values: ValueTotalDto[];
  /** Weeks with kudos, per value (a week or value missing means zero). */
  weeks: ValueWeekDto[];
}

/** An active member nobody recognised in the last 30 days (to the range's end). */
export interface NotRecognisedMemberDto {
  memberId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  /** The last local date they received a kudos (to the range's end); null: never. */
  lastRecognisedOn: string | null;
}

/** How concentrated points received over the range are among active members in scope. */
export interface ConcentrationDto {
  members: number;
  totalPoints: number;
  /** Members counted as the top: ceil(10% of members). */
  topMembers: number;
  /** Share of all points received by the top members (0–1; 0 with no points). */
  topShare: number;
  /** Gini coefficient of points received, zeros included (0 equal – 1 one person has all). */
  gini: number;
}

/** Points received per full-time equivalent, for one team. */
export interface TeamFteDto {
  teamId: string;
  teamName: string;
  /** Active members of the team. */
  members: number;
  /** Sum of their part-time factors. */
  fte: number;
  /** Points they received over the range. */
  points: number;
  /** points / fte (0 with no members). */
  pointsPerFte: number;
}

export interface AnalyticsFairnessDto {
  range: AnalyticsRangeDto;
  /** First local date of the 30-day window that ends on `range.to`. */
  notRecognisedSince: string;
  /** Sorted by team name, then member name. */
  notRecognised: NotRecognisedMemberDto[];
  concentration: ConcentrationDto;
  /** Most points per FTE first. */
  teams: TeamFteDto[];
}

export interface TopGiverDto {
  memberId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  /** Kudos given over the range. */
  kudos: number;
  /** Points given (a kudos' points times its recipients). */
  points: number;
  /** Different colleagues they recognised. */
  colleagues: number;
}

export interface AnalyticsTopGiversDto {
  range: AnalyticsRangeDto;
  /** Most kudos first (then points, then name): the top 10. */
  givers: TopGiverDto[];
}

/** A published mission whose span overlaps the range, for one team of its audience. */
export interface MissionCompletionDto {
  missionId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  teamId: string;
  teamName: string;
  /** Active members of the team. */
  members: number;
  /** Of them, how many completed the mission at least once. */
  completers: number;
  /** completers / members (0–1). */
  completionRate: number;
}

export interface AnalyticsMissionsDto {
  range: AnalyticsRangeDto;
  missions: MissionCompletionDto[];
}

/** Approved customer praise over the range, for one team and channel. */
export interface PraiseVolumeDto {
  teamId: string;
  teamName: string;
  channel: PraiseChannel;
  stories: number;
  /** Stories that carried a rating. */
  rated: number;
  /** Mean rating of those (null: none rated). */
  averageRating: number | null;
}

export interface AnalyticsPraiseDto {
  range: AnalyticsRangeDto;
  praise: PraiseVolumeDto[];
}

/** Badges awarded over the range (local date of the award), per badge. */
export interface BadgeAwardedDto {
  badgeId: string;
  name: string;
  icon: string;
  awards: number;
  /** Different members who received it. */
  members: number;
}

export interface AnalyticsBadgesDto {
  range: AnalyticsRangeDto;
  badges: BadgeAwardedDto[];
}
