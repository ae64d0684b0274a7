import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { DisplayPanel, DisplayScheduleSlot, DisplayScope, NameStyle } from '@bravo/shared';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';

/** A TV screen's link. The token is never stored, only its SHA-256. */
@Entity('display_links')
@Index('display_links_org', ['organizationId', 'createdAt'])
export class DisplayLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  scope: DisplayScope;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'CASCADE', nullable: true })
  team?: Team | null;

  @Column({ type: 'jsonb' })
  panels: DisplayPanel[];

  @Column('int')
  rotationSeconds: number;

  @Column('int')
  topN: number;

  @Column({ type: 'varchar', length: 32 })
  nameStyle: NameStyle;

  /** Facing customers: first names only, no points, nobody past the top N. */
  @Column({ type: 'boolean', default: false })
  publicSafe: boolean;

  @Column({ type: 'boolean', default: false })
  chime: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  schedule: DisplayScheduleSlot[];

  @Index('display_links_token_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column('uuid')
  createdById: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Presence: when a socket of this screen was last known up, and until when it counts as online. */
  @Column({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  /** Renewed by heartbeats, so an instance that crashes cannot leave the screen "online". */
  @Column({ type: 'timestamptz', nullable: true })
  onlineUntil: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lastAddress: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastUserAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
