import { ApiProperty } from '@nestjs/swagger';
import {
  EVIDENCE_KINDS,
  MISSION_KINDS,
  TRACKED_METRICS,
  type EvidenceKind,
  type ManagedMissionDto,
  type MissionDto,
  type MissionKind,
  type MissionPhase,
  type MissionProgressDto,
  type MissionSubmissionDto,
  type MyMissionDto,
  type QuizQuestionDto,
  type QuizQuestionWithAnswersDto,
  type QuizResultDto,
  type ScreenMissionDto,
  type ScreenTeamMeterDto,
  type SubmissionStatus,
  type TrackedMetric,
} from '@bravo/shared';
import { MemberSummaryResponse } from '../kudos/kudos.response';

const PHASES: MissionPhase[] = ['draft', 'scheduled', 'active', 'closed'];
const STATUSES: SubmissionStatus[] = ['pending', 'approved', 'rejected', 'failed'];

export class MissionValueResponse {
  id: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  emoji: string | null;
  color: string;
}

export class QuizQuestionResponse implements QuizQuestionDto {
  text: string;
  options: string[];
  /** More than one option is right. */
  multiple: boolean;
}

export class QuizQuestionWithAnswersResponse
  extends QuizQuestionResponse
  implements QuizQuestionWithAnswersDto
{
  /** Indexes of the right options. */
  @ApiProperty({ type: [Number] })
  correct: number[];
}

export class QuizResponse {
  @ApiProperty({ type: [QuizQuestionResponse] })
  questions: QuizQuestionResponse[];
  passMark: number;
  maxAttempts: number;
}

export class ManagedQuizResponse {
  @ApiProperty({ type: [QuizQuestionWithAnswersResponse] })
  questions: QuizQuestionWithAnswersResponse[];
  passMark: number;
  maxAttempts: number;
}

export class TeamTargetResponse {
  /** Completions by the team's members (a tracked mission: its metric summed over them). */
  completions: number;
  bonus: number;
}

export class TrackedRuleResponse {
  @ApiProperty({ enum: TRACKED_METRICS })
  metric: TrackedMetric;
  threshold: number;
}

export class TrackedProgressResponse {
  /** The member's count in the mission's span so far. */
  value: number;
  threshold: number;
}

class MissionFields {
  id: string;
  title: string;
  description: string;
  @ApiProperty({ type: MissionValueResponse, nullable: true })
  value: MissionValueResponse | null;
  points: number;
  /** Empty: everyone in the organisation. */
  teamIds: string[];
  startsOn: string;
  endsOn: string;
  maxCompletions: number;
  @ApiProperty({ enum: MISSION_KINDS })
  kind: MissionKind;
  @ApiProperty({ enum: EVIDENCE_KINDS, nullable: true })
  evidence: EvidenceKind | null;
  @ApiProperty({ type: TrackedRuleResponse, nullable: true })
  tracked: TrackedRuleResponse | null;
  @ApiProperty({ type: TeamTargetResponse, nullable: true })
  teamTarget: TeamTargetResponse | null;
  @ApiProperty({ enum: PHASES })
  phase: MissionPhase;
  createdAt: string;
}

export class MissionResponse extends MissionFields implements MissionDto {
  @ApiProperty({ type: QuizResponse, nullable: true })
  quiz: QuizResponse | null;
}

export class ManagedMissionResponse extends MissionFields implements ManagedMissionDto {
  @ApiProperty({ type: ManagedQuizResponse, nullable: true })
  quiz: ManagedQuizResponse | null;
}

export class TeamProgressResponse {
  teamId: string;
  completions: number;
  target: number;
  reached: boolean;
}

export class MissionProgressResponse implements MissionProgressDto {
  completions: number;
  pending: number;
  attempts: number;
  canSubmit: boolean;
  @ApiProperty({ type: TrackedProgressResponse, nullable: true })
  tracked: TrackedProgressResponse | null;
  @ApiProperty({ type: TeamProgressResponse, nullable: true })
  team: TeamProgressResponse | null;
}

export class MyMissionResponse extends MissionResponse implements MyMissionDto {
  progress: MissionProgressResponse;
}

export class MissionSubmissionResponse implements MissionSubmissionDto {
  id: string;
  missionId: string;
  missionTitle: string;
  member: MemberSummaryResponse;
  @ApiProperty({ enum: STATUSES })
  status: SubmissionStatus;
  @ApiProperty({ type: String, nullable: true })
  text: string | null;
  @ApiProperty({ type: String, nullable: true })
  url: string | null;
  /** Photo evidence: `GET /api/v1/uploads/{photoId}`. */
  @ApiProperty({ type: String, nullable: true })
  photoId: string | null;
  @ApiProperty({ type: Number, nullable: true })
  score: number | null;
  points: number;
  @ApiProperty({ type: String, nullable: true })
  rejectReason: string | null;
  createdAt: string;
  @ApiProperty({ type: String, nullable: true })
  reviewedAt: string | null;
}

export class QuizResultResponse implements QuizResultDto {
  submission: MissionSubmissionResponse;
  passed: boolean;
  score: number;
  /** The right options of each question, once they can no longer help another attempt (else empty). */
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } } })
  correct: number[][];
}

export class ScreenValueResponse {
  name: string;
  @ApiProperty({ type: String, nullable: true })
  emoji: string | null;
  color: string;
}

export class ScreenTeamMeterResponse implements ScreenTeamMeterDto {
  teamId: string;
  teamName: string;
  completions: number;
  target: number;
  reached: boolean;
}

export class ScreenMissionResponse implements ScreenMissionDto {
  id: string;
  title: string;
  @ApiProperty({ type: ScreenValueResponse, nullable: true })
  value: ScreenValueResponse | null;
  points: number;
  endsOn: string;
  @ApiProperty({ enum: MISSION_KINDS })
  kind: MissionKind;
  @ApiProperty({ enum: TRACKED_METRICS, nullable: true })
  trackedMetric: TrackedMetric | null;
  /** Completions in the screen's audience. */
  completions: number;
  @ApiProperty({ type: [ScreenTeamMeterResponse] })
  meters: ScreenTeamMeterResponse[];
  /** Who completed it most recently, newest first. */
  recent: string[];
}
