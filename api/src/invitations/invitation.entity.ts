import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Role } from '@bravo/shared';
import { Member } from '../members/member.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';

@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  /** The member's share of full time once they accept (see `Member.partTimeFactor`). */
  @Column({
    type: 'numeric',
    precision: 3,
    scale: 2,
    default: 1,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  partTimeFactor: number;

  @ManyToOne(() => Team, { onDelete: 'SET NULL', nullable: true })
  team?: Team | null;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  invitedBy?: Member;

  @Index('invitations_token_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
