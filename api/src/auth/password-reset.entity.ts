import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Member } from '../members/member.entity';

/** A single-use link to choose a new password. The token itself is never stored, only its SHA-256. */
@Entity('password_resets')
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Index('password_resets_member')
  @Column('uuid')
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  member?: Member;

  @Index('password_resets_token_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  /** The admin who made it to hand over; null when the member asked for it by e-mail. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL', nullable: true })
  createdBy?: Member | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Replaced by a newer link for the same member. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
