import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LedgerAccount = 'earned' | 'given';
export type LedgerSource = 'kudos' | 'boost' | 'mission' | 'team_target' | 'badge' | 'praise';

/**
 * One immutable movement of points. `earned` is what a member received;
 * `given` is what they gave from their allowance. Reversals are new entries.
 */
@Entity('ledger_entries')
@Index('ledger_entries_org_id', ['organizationId', 'id'])
@Index('ledger_entries_member', ['memberId', 'createdAt'])
@Index('ledger_entries_source', ['sourceType', 'sourceId'])
export class LedgerEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  memberId: string;

  @Column({ type: 'varchar', length: 8 })
  account: LedgerAccount;

  @Column('int')
  amount: number;

  @Column({ type: 'varchar', length: 16 })
  sourceType: LedgerSource;

  @Column({ type: 'uuid', nullable: true })
  sourceId: string | null;

  /** The member's team when the entry was written (team boards credit the team of that moment). */
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  /** Local calendar date the points count for (a reversal keeps the original's date). */
  @Column('date')
  occurredOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
