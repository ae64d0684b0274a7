import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Locale, Role, ScreenNameChoice } from '@bravo/shared';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';

@Entity('members')
@Index('members_org_name', ['organizationId', 'name'])
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT', nullable: true })
  team?: Team | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Stored lower-cased; one account per e-mail address across the deployment. */
  @Index('members_email_unique', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale: Locale;

  /** E-mail them when they receive a kudos: their choice, off by default. */
  @Column({ type: 'boolean', default: false })
  emailOnKudos: boolean;

  /** How the member appears on TV screens (their points count for their team either way). */
  @Column({ type: 'varchar', length: 8, default: 'full' })
  screenName: ScreenNameChoice;

  /**
   * Share of a full-time position (0.1–1.0): scales the giving allowance, and team boards
   * count full-time equivalents, so a store of part-timers is not at a disadvantage.
   */
  @Column({
    type: 'numeric',
    precision: 3,
    scale: 2,
    default: 1,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  partTimeFactor: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
