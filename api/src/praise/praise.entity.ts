import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { PraiseChannel, PraiseStatus } from '@bravo/shared';

/** A customer's praise: pending until a manager of its team approves it (or rejects it). */
@Entity('praise')
@Index('praise_queue', ['organizationId', 'status', 'createdAt'])
@Index('praise_team_fingerprint', ['teamId', 'fingerprint', 'createdAt'])
// The feed's order over approved stories only.
@Index('praise_feed', ['organizationId', 'reviewedAt', 'id'], { where: `status = 'approved'` })
export class Praise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  /** The store it is about: its managers review it, its screens show it. */
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: PraiseStatus;

  /** The customer's words, stored as typed (rendered as text, never as markup). */
  @Column('text')
  text: string;

  /** The words folded (case, spacing, punctuation): near-duplicates of one team are flagged. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  customerName: string | null;

  /** Only with the customer's consent; purged after the retention period. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contact: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel: PraiseChannel;

  /** The member who recorded it; null: a customer on the public page. */
  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  /** The brand value its approving manager chose. */
  @Column({ type: 'uuid', nullable: true })
  valueId: string | null;

  /** Points each named employee received on approval. */
  @Column({ type: 'int', default: 0 })
  points: number;

  /** The local date it was approved on: badge windows and tracked missions. */
  @Column({ type: 'date', nullable: true })
  approvedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An employee a story names. */
@Entity('praise_members')
@Index('praise_members_member', ['memberId'])
export class PraiseMember {
  @PrimaryColumn('uuid')
  praiseId: string;

  @PrimaryColumn('uuid')
  memberId: string;

  @Column('uuid')
  organizationId: string;
}

/** A team's public praise page: the code in `/p/<code>` (on its QR poster). */
@Entity('praise_pages')
@Index('praise_pages_code', ['code'], { unique: true })
export class PraisePage {
  @PrimaryColumn('uuid')
  teamId: string;

  @Column('uuid')
  organizationId: string;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
