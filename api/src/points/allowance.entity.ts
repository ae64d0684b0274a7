import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's giving allowance for one month; the CHECK makes overdrawing impossible. */
@Entity('allowances')
@Check('allowances_within_total', 'spent >= 0 AND spent <= total')
export class Allowance {
  @PrimaryColumn('uuid')
  memberId: string;

  /** First day of the month, in the organisation's time zone. */
  @PrimaryColumn('date')
  periodStart: string;

  @Column('uuid')
  organizationId: string;

  @Column('int')
  total: number;

  @Column('int', { default: 0 })
  spent: number;
}
