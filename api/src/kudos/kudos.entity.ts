import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity('kudos')
@Index('kudos_feed', ['organizationId', 'createdAt', 'id'])
@Index('kudos_giver', ['giverId', 'createdAt'])
@Index('kudos_giver_day', ['giverId', 'occurredOn'])
// Analytics reads an organisation's kudos by local date range.
@Index('kudos_org_day', ['organizationId', 'occurredOn'])
// Its covering, visible-only twin (INCLUDE, partial: written by hand in AnalyticsCoveringIndexes).
@Index('kudos_org_day_visible', { synchronize: false })
export class Kudos {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  giverId: string;

  @Column('uuid')
  valueId: string;

  @Column('text')
  message: string;

  /** Points each recipient received from the giver. */
  @Column('int')
  points: number;

  /** Local date of the kudos in the organisation's time zone (daily caps, periods). */
  @Column('date')
  occurredOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;
}

@Entity('kudos_recipients')
@Index('kudos_recipients_member', ['memberId'])
// Analytics joins an organisation's recipients to its kudos (INCLUDE: see AnalyticsCoveringIndexes).
@Index('kudos_recipients_org', { synchronize: false })
export class KudosRecipient {
  @PrimaryColumn('uuid')
  kudosId: string;

  @PrimaryColumn('uuid')
  memberId: string;

  @Column('uuid')
  organizationId: string;

  /** The recipient's team when the kudos was given. */
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;
}

@Entity('kudos_boosts')
@Index('kudos_boosts_kudos', ['kudosId'])
@Index('kudos_boosts_booster_day', ['boosterId', 'occurredOn'])
@Index('kudos_boosts_org_day', ['organizationId', 'occurredOn'])
export class KudosBoost {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  kudosId: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  boosterId: string;

  /** Extra points each recipient received. */
  @Column('int')
  points: number;

  @Column('date')
  occurredOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('kudos_reactions')
export class KudosReaction {
  @PrimaryColumn('uuid')
  kudosId: string;

  @PrimaryColumn('uuid')
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  emoji: string;

  @Column('uuid')
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('kudos_comments')
@Index('kudos_comments_kudos', ['kudosId', 'createdAt'])
export class KudosComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  kudosId: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
