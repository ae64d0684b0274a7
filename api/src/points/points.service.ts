import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain-exception';
import type { LedgerAccount, LedgerSource } from './ledger-entry.entity';

/** One movement to write; `amount` is negative for a reversal. */
export interface LedgerLine {
  memberId: string;
  account: LedgerAccount;
  amount: number;
  teamId: string | null;
  /** Local date the points count for (keep the original's date when reversing). */
  occurredOn: string;
  sourceType: LedgerSource;
  sourceId: string | null;
}

/**
 * The only way points move. Ledger entries, the running totals the boards read
 * and the boards' version are written by one statement in the caller's
 * transaction; allowance debits are conditional updates that cannot overdraw.
 */
@Injectable()
export class PointsService {
  /**
   * Debits a member's allowance for a month, creating the month's allowance on
   * first use. Throws `allowance_exceeded` (and changes nothing) when too little is left.
   */
  async debitAllowance(
    manager: EntityManager,
    args: {
      organizationId: string;
      memberId: string;
      periodStart: string;
      monthlyTotal: number;
      amount: number;
    },
  ): Promise<{ total: number; spent: number }> {
    // Wrapped as SELECT: TypeORM returns [rows, count] for a bare UPDATE.
    const [first]: { total: number | null; spent: number | null }[] = await manager.query(
      `WITH ensure AS (
         INSERT INTO allowances (member_id, period_start, organization_id, total, spent)
         VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING
       ), debit AS (
         UPDATE allowances SET spent = spent + $5
          WHERE member_id = $1 AND period_start = $2 AND total - spent >= $5
         RETURNING total, spent
       )
       SELECT d.total, d.spent FROM (SELECT 1) one LEFT JOIN debit d ON true`,
      [args.memberId, args.periodStart, args.organizationId, args.monthlyTotal, args.amount],
    );
    if (first.total !== null && first.spent !== null) {
      return { total: first.total, spent: first.spent };
    }
    // The first statement's snapshot may predate the month's row (created by this statement,
    // or by a concurrent first request that committed while we waited): a new statement sees it.
    const [retry]: { total: number; spent: number }[] = await manager.query(
      `WITH debit AS (
         UPDATE allowances SET spent = spent + $3
          WHERE member_id = $1 AND period_start = $2 AND total - spent >= $3
         RETURNING total, spent
       )
       SELECT total, spent FROM debit`,
      [args.memberId, args.periodStart, args.amount],
    );
    if (retry) {
      return retry;
    }
    const [current] = await this.allowanceRows(manager, args.memberId, args.periodStart);
    const remaining = current ? current.total - current.spent : args.monthlyTotal;
    throw new DomainException(
      'allowance_exceeded',
      `Not enough allowance: this needs ${args.amount} points and you have ${remaining} left this month.`,
      {
        params: { needed: args.amount, left: remaining },
        details: [{ field: 'points', code: 'allowance_left', params: { left: remaining } }],
      },
    );
  }

  /** Gives allowance back (a withdrawn kudos); never below zero spent. */
  async refundAllowance(
    manager: EntityManager,
    memberId: string,
    periodStart: string,
    amount: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE allowances SET spent = GREATEST(spent - $3, 0) WHERE member_id = $1 AND period_start = $2`,
      [memberId, periodStart, amount],
    );
  }

  allowanceRows(
    manager: EntityManager,
    memberId: string,
    periodStart: string,
  ): Promise<{ total: number; spent: number }[]> {
    return manager.query(
      `SELECT total, spent FROM allowances WHERE member_id = $1 AND period_start = $2`,
      [memberId, periodStart],
    );
  }

  /**
   * Appends ledger lines and updates every total they touch (member and team,
   * all-time, month and week) and the boards' version — one statement.
   * Rows are locked in a fixed order so concurrent writers cannot deadlock.
   */
  async record(
    manager: EntityManager,
    organizationId: string,
    lines: LedgerLine[],
    at: Date,
  ): Promise<number> {
    if (lines.length === 0) {
      return this.version(manager, organizationId);
    }
    const rows: { version: string }[] = await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS x("memberId" uuid, account varchar, amount int, "teamId" uuid, "occurredOn" date, "sourceType" varchar, "sourceId" uuid)
       ),
       ins AS (
         INSERT INTO ledger_entries (organization_id, member_id, account, amount, source_type, source_id, team_id, occurred_on, created_at)
         SELECT $2, "memberId", account, amount, "sourceType", "sourceId", "teamId", "occurredOn", $3 FROM input
         RETURNING member_id, account, amount, team_id, occurred_on
       ),
       buckets AS (
         SELECT member_id, account, team_id, amount, 'all'::varchar AS period_type, DATE '1970-01-01' AS period_start FROM ins
         UNION ALL SELECT member_id, account, team_id, amount, 'month', date_trunc('month', occurred_on)::date FROM ins
         UNION ALL SELECT member_id, account, team_id, amount, 'week', date_trunc('week', occurred_on)::date FROM ins
       ),
       member_totals AS (
         INSERT INTO point_totals (member_id, account, period_type, period_start, organization_id, points)
         SELECT member_id, account, period_type, period_start, $2, sum(amount) FROM buckets
          GROUP BY member_id, account, period_type, period_start
          ORDER BY member_id, account, period_type, period_start
         ON CONFLICT (member_id, account, period_type, period_start)
         DO UPDATE SET points = point_totals.points + EXCLUDED.points
       ),
       team_totals AS (
         INSERT INTO team_point_totals (team_id, period_type, period_start, organization_id, points)
         SELECT team_id, period_type, period_start, $2, sum(amount) FROM buckets
          WHERE account = 'earned' AND team_id IS NOT NULL
          GROUP BY team_id, period_type, period_start
          ORDER BY team_id, period_type, period_start
         ON CONFLICT (team_id, period_type, period_start)
         DO UPDATE SET points = team_point_totals.points + EXCLUDED.points
       )
       INSERT INTO leaderboard_versions (organization_id, version) VALUES ($2, 1)
       ON CONFLICT (organization_id) DO UPDATE SET version = leaderboard_versions.version + 1
       RETURNING version`,
      [JSON.stringify(lines), organizationId, at],
    );
    return Number(rows[0].version);
  }

  async version(manager: EntityManager, organizationId: string): Promise<number> {
    const rows: { version: string }[] = await manager.query(
      `SELECT version FROM leaderboard_versions WHERE organization_id = $1`,
      [organizationId],
    );
    return Number(rows[0]?.version ?? 0);
  }
}
