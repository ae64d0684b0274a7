import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { BadgeIcon, BadgeMetric, BadgeWindow } from '@bravo/shared';
import { Organization } from '../organizations/organization.entity';
import { Upload } from '../uploads/upload.entity';

/** A badge: data, not code — a rule (metric, threshold, window) and an optional bonus. */
@Entity('badges')
@Index('badges_org_active', ['organizationId', 'active'])
export class Badge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  icon: BadgeIcon;

  /** An uploaded image worn instead of the icon (which stays the fallback); cleared if it goes. */
  @Column({ type: 'uuid', nullable: true })
  imageId: string | null;

  @ManyToOne(() => Upload, { onDelete: 'SET NULL' })
  image?: Upload;

  @Column({ type: 'varchar', length: 300, default: '' })
  description: string;

  @Column({ type: 'int', default: 0 })
  bonusPoints: number;

  @Column({ type: 'varchar', length: 48 })
  metric: BadgeMetric;

  @Column('int')
  threshold: number;

  @Column({ type: 'varchar', length: 16 })
  window: BadgeWindow;

  /** Only for the per-value metric. */
  @Column({ type: 'uuid', nullable: true })
  valueId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One badge earned by one member for one window: the unique key makes "exactly once" the database's job. */
@Entity('badge_awards')
@Unique('badge_awards_once', ['badgeId', 'memberId', 'windowStart'])
@Index('badge_awards_member', ['organizationId', 'memberId'])
@Index('badge_awards_feed', ['organizationId', 'awardedAt', 'badgeId'])
export class BadgeAward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  badgeId: string;

  @ManyToOne(() => Badge, { onDelete: 'CASCADE' })
  badge?: Badge;

  @Column('uuid')
  memberId: string;

  /** The window's first local date; `1970-01-01` for all-time badges. */
  @Column('date')
  windowStart: string;

  @Column({ type: 'timestamptz' })
  awardedAt: Date;
}
