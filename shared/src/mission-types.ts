/** Brand missions: what a manager sets for a month and what members hand in. */
import type { BadgeMetric } from './badge-types.js';

export const MISSION_KINDS = ['evidence', 'quiz', 'tracked'] as const;
export type MissionKind = (typeof MISSION_KINDS)[number];

/** What an evidence mission asks for; `none` completes at once (self-declared). */
export const EVIDENCE_KINDS = ['none', 'text', 'link', 'photo'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * What a tracked mission can count, over its own span: the badges' vocabulary, less what has
 * no meaning inside one span (a streak) or would count the mission itself.
 */
export type TrackedMetric = Extract<
  BadgeMetric,
  | 'kudos_given'
  | 'kudos_given_for_value'
  | 'kudos_received'
  | 'kudos_received_for_value'
  | 'distinct_colleagues_recognised'
  | 'distinct_givers'
  | 'praise_approved'
>;
export const TRACKED_METRICS: readonly TrackedMetric[] = [
  'kudos_given',
  'kudos_given_for_value',
  'kudos_received',
  'kudos_received_for_value',
  'distinct_colleagues_recognised',
  'distinct_givers',
  'praise_approved',
];

/** draft → scheduled → active → closed; scheduled and active follow from the dates once published. */
export type MissionPhase = 'draft' | 'scheduled' | 'active' | 'closed';

export type SubmissionStatus = 'pending' | 'approved' | 'rejected' | 'failed';

export const MISSION_LIMITS = {
  titleMax: 120,
  descriptionMax: 2000,
  pointsMax: 500,
  completionsMax: 31,
  questionsMax: 20,
  questionMax: 300,
  optionsMin: 2,
  optionsMax: 6,
  optionMax: 120,
  attemptsMax: 10,
  evidenceTextMax: 2000,
  evidenceUrlMax: 500,
  rejectReasonMax: 500,
  targetMax: 10_000,
  /** A tracked mission's threshold: so many kudos, colleagues… in its span. */
  trackedMax: 1_000,
  /** Missions one list answers with (a month rarely holds more than a handful). */
  listMax: 200,
} as const;

/** A quiz question as a member sees it: the options, never which are right. */
export interface QuizQuestionDto {
  text: string;
  options: string[];
  /** More than one option may be right: the member ticks every right one. */
  multiple: boolean;
}

/** A question as its author sees it, with the right options (indexes into `options`). */
export interface QuizQuestionWithAnswersDto extends QuizQuestionDto {
  correct: number[];
}

export interface MissionTeamTargetDto {
  /**
   * What reaches the target: completions by the team's members, or for a tracked mission
   * its metric summed over them ("our store: 100 kudos for Warm Welcome").
   */
  completions: number;
  /** Points every member of the team receives when it is reached. */
  bonus: number;
}

export interface MissionDto {
  id: string;
  title: string;
  description: string;
  value: { id: string; name: string; emoji: string | null; color: string } | null;
  points: number;
  /** Empty: everyone in the organisation. */
  teamIds: string[];
  startsOn: string;
  endsOn: string;
  maxCompletions: number;
  kind: MissionKind;
  evidence: EvidenceKind | null;
  quiz: { questions: QuizQuestionDto[]; passMark: number; maxAttempts: number } | null;
  /** Tracked missions: what counts and how much completes it (the value is `value` above). */
  tracked: { metric: TrackedMetric; threshold: number } | null;
  teamTarget: MissionTeamTargetDto | null;
  phase: MissionPhase;
  createdAt: string;
}

/** A mission as its manager sees it: the quiz with its answers. */
export interface ManagedMissionDto extends Omit<MissionDto, 'quiz'> {
  quiz: { questions: QuizQuestionWithAnswersDto[]; passMark: number; maxAttempts: number } | null;
}

/** A member's own standing on a mission. */
export interface MissionProgressDto {
  completions: number;
  pending: number;
  attempts: number;
  /** Whether the member may hand something in now (never for a tracked mission: it counts itself). */
  canSubmit: boolean;
  /** Tracked missions: the member's count in the mission's span so far. */
  tracked: { value: number; threshold: number } | null;
  /** The member's team's completions (tracked: metric total) against its target, when it has one. */
  team: { teamId: string; completions: number; target: number; reached: boolean } | null;
}

export interface MyMissionDto extends MissionDto {
  progress: MissionProgressDto;
}

export interface MissionSubmissionDto {
  id: string;
  missionId: string;
  missionTitle: string;
  member: { id: string; name: string; teamId: string | null };
  status: SubmissionStatus;
  text: string | null;
  url: string | null;
  /** Photo evidence: the upload's id (`GET /api/v1/uploads/{id}`, members of the organisation only). */
  photoId: string | null;
  /** Quiz attempts: the share of questions answered right, 0–100. */
  score: number | null;
  points: number;
  rejectReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** What a quiz attempt returns: the result, and now that it is in, the right answers. */
export interface QuizResultDto {
  submission: MissionSubmissionDto;
  passed: boolean;
  score: number;
  correct: number[][];
}

/** A team's meter on a mission with a target, as a screen shows it. */
export interface ScreenTeamMeterDto {
  teamId: string;
  teamName: string;
  /** Completions, or a tracked mission's metric summed over the team. */
  completions: number;
  target: number;
  reached: boolean;
}

/** A running mission on a TV: what it asks, how far the teams are, who completed it lately. */
export interface ScreenMissionDto {
  id: string;
  title: string;
  value: { name: string; emoji: string | null; color: string } | null;
  points: number;
  endsOn: string;
  kind: MissionKind;
  /** Tracked missions: what their meters count. */
  trackedMetric: TrackedMetric | null;
  /** Completions in the screen's audience (its team, or the whole organisation). */
  completions: number;
  /** Meters of the teams it shows (a team screen: its own), when the mission has a target. */
  meters: ScreenTeamMeterDto[];
  /** Who completed it most recently, newest first (names as stored: the screen styles them). */
  recent: string[];
}
