import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain-exception';
import { monthStart } from './periods';
import type { LedgerSource } from './ledger-entry.entity';
import { PointsRepository, type AllowanceRow, type LedgerLine } from './points.repository';

export type { LedgerLine } from './points.repository';

/**
 * The only way points move. Ledger entries, the running totals the boards read
 * and the boards' version are written by one statement in the caller's
 * transaction; allowance debits are conditional updates that cannot overdraw.
 */
@Injectable()
export class PointsService {
  constructor(private readonly repository: PointsRepository) {}

  /**
   * Debits a member's allowance for a month, creating the month's allowance on
   * first use. Throws `allowance_exceeded` (and changes nothing) when too little is left.
   */
  async debitAllowance(args: {
    organizationId: string;
    memberId: string;
    periodStart: string;
    /** The role's monthly amount before the part-time factor scales it. */
    fullTimeTotal: number;
    amount: number;
  }): Promise<AllowanceRow> {
    const debited = await this.repository.debitAllowance(args);
    if (debited) {
      return debited;
    }
    const current = await this.repository.allowance(args.memberId, args.periodStart);
    const remaining = current ? current.total - current.spent : 0;
    throw new DomainException(
      'allowance_exceeded',
      `Not enough allowance: this needs ${args.amount} points and you have ${remaining} left this month.`,
      {
        params: { needed: args.amount, left: remaining },
        details: [{ field: 'points', code: 'allowance_left', params: { left: remaining } }],
      },
    );
  }

  /** Appends ledger lines and moves every total they touch; returns the boards' new version. */
  record(organizationId: string, lines: LedgerLine[], at: Date): Promise<number> {
    return lines.length === 0
      ? this.repository.version(organizationId)
      : this.repository.record(organizationId, lines, at);
  }

  /**
   * Takes back every point these sources moved, by compensating entries (nothing is
   * deleted); with `refund`, the givers' allowances get their points back.
   * Returns the members whose points moved.
   */
  async reverse(
    organizationId: string,
    sources: { type: LedgerSource; id: string }[],
    at: Date,
    opts: { refund: boolean },
  ): Promise<string[]> {
    const entries = await this.repository.entriesOf(organizationId, sources);
    if (opts.refund) {
      for (const e of entries.filter((x) => x.account === 'given')) {
        await this.repository.refundAllowance(e.member_id, monthStart(e.occurred_on), e.amount);
      }
    }
    await this.record(
      organizationId,
      entries.map((e) => ({
        memberId: e.member_id,
        account: e.account,
        amount: -e.amount,
        teamId: e.team_id,
        occurredOn: e.occurred_on,
        sourceType: e.source_type,
        sourceId: e.source_id,
      })),
      at,
    );
    return [...new Set(entries.map((e) => e.member_id))];
  }
}
