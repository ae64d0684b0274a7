import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceKind, MissionKind, SubmissionStatus, TrackedMetric } from '@bravo/shared';

/** A quiz question with its right options, as stored; members never receive `correct`. */
export interface StoredQuestion {
  text: string;
  options: string[];
  correct: number[];
}

@Entity('missions')
@Index('missions_org_dates', ['organizationId', 'startsOn', 'endsOn'])
export class Mission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  createdById: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  valueId: string | null;

  @Column('int')
  points: number;

  /** Empty: the whole organisation (admins only). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  teamIds: string[];

  /** Local calendar dates in the organisation's time zone, both included. */
  @Column('date')
  startsOn: string;

  @Column('date')
  endsOn: string;

  @Column({ type: 'int', default: 1 })
  maxCompletions: number;

  @Column({ type: 'varchar', length: 16 })
  kind: MissionKind;

  @Column({ type: 'varchar', length: 16, nullable: true })
  evidence: EvidenceKind | null;

  @Column({ type: 'jsonb', nullable: true })
  questions: StoredQuestion[] | null;

  /** Per cent of questions right that passes. */
  @Column({ type: 'int', nullable: true })
  passMark: number | null;

  @Column({ type: 'int', nullable: true })
  maxAttempts: number | null;

  /** Tracked missions: the metric counted over the span (a per-value one counts `valueId`). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  trackedMetric: TrackedMetric | null;

  /** Tracked missions: the count in the span that completes it (each multiple, once more). */
  @Column({ type: 'int', nullable: true })
  trackedThreshold: number | null;

  @Column({ type: 'int', nullable: true })
  targetCompletions: number | null;

  @Column({ type: 'int', nullable: true })
  targetBonus: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One hand-in: evidence waiting for approval, an approved completion, a rejected one, or a quiz attempt. */
@Entity('mission_submissions')
@Index('mission_submissions_mission_member', ['missionId', 'memberId'])
@Index('mission_submissions_queue', ['organizationId', 'status', 'createdAt'])
export class MissionSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  missionId: string;

  @Column('uuid')
  memberId: string;

  /** The member's team when they handed it in: its managers review it, its target counts it. */
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: SubmissionStatus;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  /** Photo evidence: one of the member's own uploads. */
  @Column({ type: 'uuid', nullable: true })
  photoId: string | null;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  /** The local date it was completed on (approved, self-declared or passed): badge windows. */
  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A team reached a mission's target: the row exists once, so its bonus is paid once. */
@Entity('mission_targets_reached')
@Index('mission_targets_reached_unique', ['missionId', 'teamId'], { unique: true })
export class MissionTargetReached {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  missionId: string;

  @Column('uuid')
  teamId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  reachedAt: Date;
}
