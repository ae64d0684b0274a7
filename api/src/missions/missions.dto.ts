import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  EVIDENCE_KINDS,
  MISSION_KINDS,
  MISSION_LIMITS,
  TRACKED_METRICS,
  type EvidenceKind,
  type MissionKind,
  type TrackedMetric,
} from '@bravo/shared';
import { IsOmittable, Trim } from '../common/validators';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateOptions = { message: 'must be a date (YYYY-MM-DD)', context: { code: 'invalid_date' } };

export class QuizQuestionInput {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MISSION_LIMITS.questionMax)
  text: string;

  @IsArray()
  @ArrayMinSize(MISSION_LIMITS.optionsMin)
  @ArrayMaxSize(MISSION_LIMITS.optionsMax)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MISSION_LIMITS.optionMax, { each: true })
  options: string[];

  /** Indexes into `options` of every right answer (one for a single-choice question). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MISSION_LIMITS.optionsMax)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MISSION_LIMITS.optionsMax - 1, { each: true })
  correct: number[];
}

export class QuizInput {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MISSION_LIMITS.questionsMax)
  @ValidateNested({ each: true })
  @Type(() => QuizQuestionInput)
  @ApiProperty({ type: [QuizQuestionInput] })
  questions: QuizQuestionInput[];

  /** Per cent of questions right that passes. */
  @IsInt()
  @Min(1)
  @Max(100)
  passMark: number;

  @IsInt()
  @Min(1)
  @Max(MISSION_LIMITS.attemptsMax)
  maxAttempts: number;
}

/** What a tracked mission counts in its span, and how much completes it. */
export class TrackedInput {
  @IsIn(TRACKED_METRICS)
  @ApiProperty({ enum: TRACKED_METRICS })
  metric: TrackedMetric;

  @IsInt()
  @Min(1)
  @Max(MISSION_LIMITS.trackedMax)
  threshold: number;
}

export class TeamTargetInput {
  @IsInt()
  @Min(1)
  @Max(MISSION_LIMITS.targetMax)
  completions: number;

  @IsInt()
  @Min(0)
  @Max(MISSION_LIMITS.pointsMax)
  bonus: number;
}

/** A mission as its manager writes it; the service checks what depends on the organisation. */
export class MissionInput {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MISSION_LIMITS.titleMax)
  title: string;

  @IsOmittable()
  @IsString()
  @MaxLength(MISSION_LIMITS.descriptionMax)
  description?: string;

  /** The brand value it is about; null or left out: none. */
  @IsOptional()
  @IsUUID('all')
  @ApiPropertyOptional({ type: String, nullable: true })
  valueId?: string | null;

  @IsInt()
  @Min(0)
  @Max(MISSION_LIMITS.pointsMax)
  points: number;

  /** The teams it is for; empty: everyone (admins only). */
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamIds: string[];

  /** Defaults to the current month in the organisation's time zone. */
  @IsOmittable()
  @Matches(DATE, dateOptions)
  @ApiPropertyOptional({ example: '2026-12-01' })
  startsOn?: string;

  @IsOmittable()
  @Matches(DATE, dateOptions)
  @ApiPropertyOptional({ example: '2026-12-31' })
  endsOn?: string;

  /** How many times one person may complete it. */
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(MISSION_LIMITS.completionsMax)
  maxCompletions?: number;

  @IsIn(MISSION_KINDS)
  @ApiProperty({ enum: MISSION_KINDS })
  kind: MissionKind;

  /** Evidence missions: what is handed in. */
  @IsOmittable()
  @IsIn(EVIDENCE_KINDS)
  @ApiPropertyOptional({ enum: EVIDENCE_KINDS })
  evidence?: EvidenceKind;

  /** Quiz missions: the questions, with their answers. */
  @IsOmittable()
  @ValidateNested()
  @Type(() => QuizInput)
  quiz?: QuizInput;

  /** Tracked missions: the metric and threshold (a per-value metric counts `valueId`). */
  @IsOmittable()
  @ValidateNested()
  @Type(() => TrackedInput)
  tracked?: TrackedInput;

  /**
   * A target for each team: so many completions by its members (a tracked mission: its metric
   * summed over them), a bonus for every one of them.
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => TeamTargetInput)
  @ApiPropertyOptional({ type: TeamTargetInput, nullable: true })
  teamTarget?: TeamTargetInput | null;
}

/** Evidence handed in; which fields are needed depends on the mission. */
export class SubmissionInput {
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MISSION_LIMITS.evidenceTextMax)
  text?: string;

  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(MISSION_LIMITS.evidenceUrlMax)
  @Matches(/^https?:\/\/[^\s/?#]+[^\s]*$/i, {
    message: 'url must be a web address (http or https)',
    context: { code: 'invalid_url' },
  })
  url?: string;

  /** A photo mission: the id `POST /api/v1/uploads` answered with (the member's own upload). */
  @IsOmittable()
  @IsUUID('all')
  photoId?: string;
}

export class QuizAttemptInput {
  /** For each question in order, the indexes of the options ticked. */
  @IsArray()
  @ArrayMaxSize(MISSION_LIMITS.questionsMax)
  @IsArray({ each: true })
  @ArrayMaxSize(MISSION_LIMITS.optionsMax, { each: true })
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } } })
  answers: number[][];
}

export class RejectInput {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MISSION_LIMITS.rejectReasonMax)
  reason: string;
}
