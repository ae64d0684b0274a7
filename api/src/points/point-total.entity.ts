import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PeriodType } from './periods';
import type { LedgerAccount } from './ledger-entry.entity';

/** Running total per member, account and period, maintained with the ledger. */
@Entity('point_totals')
@Index('point_totals_board', [
  'organizationId',
  'account',
  'periodType',
  'periodStart',
  'points',
  'memberId',
])
export class PointTotal {
  @PrimaryColumn('uuid')
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  account: LedgerAccount;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  periodType: PeriodType;

  @PrimaryColumn('date')
  periodStart: string;

  @Column('uuid')
  organizationId: string;

  @Column('int')
  points: number;
}

/** Running total of points earned by a team's members, per period. */
@Entity('team_point_totals')
@Index('team_point_totals_org', ['organizationId', 'periodType', 'periodStart'])
export class TeamPointTotal {
  @PrimaryColumn('uuid')
  teamId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  periodType: PeriodType;

  @PrimaryColumn('date')
  periodStart: string;

  @Column('uuid')
  organizationId: string;

  @Column('int')
  points: number;
}

/** Bumped in every transaction that writes the ledger: the boards' `version`. */
@Entity('leaderboard_versions')
export class LeaderboardVersion {
  @PrimaryColumn('uuid')
  organizationId: string;

  @Column('bigint')
  version: string;
}
