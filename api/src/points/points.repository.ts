import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LedgerDriftReport, Role } from '@bravo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { LIVE_DATA_SOURCE, LivePool } from '../database/live-pool';
import { reader } from '../database/reader';
import type { LedgerAccount, LedgerSource } from './ledger-entry.entity';
import { verifyLedger } from './ledger-verify.queries';
import type { PeriodType } from './periods';

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

export interface AllowanceRow {
  total: number;
  spent: number;
}

interface NullableAllowanceRow {
  total: number | null;
  spent: number | null;
}

export interface MemberAllowanceRow extends NullableAllowanceRow {
  id: string;
  role: Role;
  part_time_factor: number;
}

interface EntryRow {
  member_id: string;
  account: LedgerAccount;
  amount: number;
  team_id: string | null;
  occurred_on: string;
  source_type: LedgerSource;
  source_id: string;
}

export interface TotalRow {
  account: LedgerAccount;
  period_type: PeriodType;
  points: number;
}

export interface HistoryRow {
  id: string;
  account: LedgerAccount;
  amount: number;
  source_type: string;
  source_id: string | null;
  occurred_on: string;
  created_at: Date;
}

interface VersionRow {
  version: string;
}

/**
 * Appends ledger lines and updates every total they touch (member and team,
 * all-time, month and week) and the boards' version — one statement.
 * Rows are locked in a fixed order so concurrent writers cannot deadlock.
 * Exported for the demo seed, which writes history on its own manager.
 */
export async function recordLedger(
  manager: EntityManager,
  organizationId: string,
  lines: LedgerLine[],
  at: Date,
): Promise<number> {
  const rows = await manager.query<VersionRow[]>(
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

/** The only code touching `allowances`, `ledger_entries`, the totals and the boards' version. */
@Injectable()
export class PointsRepository {
  constructor(
    private readonly host: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource(LIVE_DATA_SOURCE) private readonly live: DataSource,
    private readonly pool: LivePool,
  ) {}

  private get db(): EntityManager {
    return reader(this.host, this.live, this.pool);
  }

  /**
   * Creates the month's allowance if needed — the full-time amount scaled by the member's
   * part-time factor, rounded halves up as `monthlyAllowance` does — and debits it when
   * enough is left; null when not.
   */
  async debitAllowance(args: {
    organizationId: string;
    memberId: string;
    periodStart: string;
    fullTimeTotal: number;
    amount: number;
  }): Promise<AllowanceRow | null> {
    // Wrapped as SELECT: TypeORM returns [rows, count] for a bare UPDATE.
    const [first] = await this.db.query<NullableAllowanceRow[]>(
      `WITH ensure AS (
         INSERT INTO allowances (member_id, period_start, organization_id, total, spent)
         SELECT $1, $2, $3, round($4::int * m.part_time_factor)::int, 0 FROM members m WHERE m.id = $1
         ON CONFLICT DO NOTHING
       ), debit AS (
         UPDATE allowances SET spent = spent + $5
          WHERE member_id = $1 AND period_start = $2 AND total - spent >= $5
         RETURNING total, spent
       )
       SELECT d.total, d.spent FROM (SELECT 1) one LEFT JOIN debit d ON true`,
      [args.memberId, args.periodStart, args.organizationId, args.fullTimeTotal, args.amount],
    );
    if (first.total !== null && first.spent !== null) {
      return { total: first.total, spent: first.spent };
    }
    // The first statement's snapshot may predate the month's row (created by this statement,
    // or by a concurrent first request that committed while we waited): a new statement sees it.
    const [retry] = await this.db.query<AllowanceRow[]>(
      `WITH debit AS (
         UPDATE allowances SET spent = spent + $3
          WHERE member_id = $1 AND period_start = $2 AND total - spent >= $3
         RETURNING total, spent
       )
       SELECT total, spent FROM debit`,
      [args.memberId, args.periodStart, args.amount],
    );
    return retry ?? null;
  }

  async refundAllowance(memberId: string, periodStart: string, amount: number): Promise<void> {
    await this.db.query(
      `UPDATE allowances SET spent = GREATEST(spent - $3, 0) WHERE member_id = $1 AND period_start = $2`,
      [memberId, periodStart, amount],
    );
  }

  async allowance(memberId: string, periodStart: string): Promise<AllowanceRow | undefined> {
    const [row] = await this.db.query<AllowanceRow[]>(
      `SELECT total, spent FROM allowances WHERE member_id = $1 AND period_start = $2`,
      [memberId, periodStart],
    );
    return row;
  }

  /**
   * Sets a month's allowance to a new total (a changed part-time factor), never below what
   * is already spent, so `spent <= total` holds; a month not opened yet is left to open.
   */
  async rescaleAllowance(memberId: string, periodStart: string, total: number): Promise<void> {
    await this.db.query(
      `UPDATE allowances SET total = GREATEST($3::int, spent) WHERE member_id = $1 AND period_start = $2`,
      [memberId, periodStart, total],
    );
  }

  /** A member's allowance of a month (null fields when not opened yet), role and factor. */
  async memberAllowance(
    organizationId: string,
    memberId: string,
    periodStart: string,
  ): Promise<MemberAllowanceRow | undefined> {
    const [row] = await this.allowancesOf(organizationId, [memberId], periodStart);
    return row;
  }

  /** Several members' allowances of a month with their roles and factors (the default total depends on them). */
  allowancesOf(
    organizationId: string,
    memberIds: string[],
    periodStart: string,
  ): Promise<MemberAllowanceRow[]> {
    return this.db.query<MemberAllowanceRow[]>(
      `SELECT m.id, m.role, m.part_time_factor::float8 AS part_time_factor, a.total, a.spent FROM members m
         LEFT JOIN allowances a ON a.member_id = m.id AND a.period_start = $3
        WHERE m.organization_id = $1 AND m.id = ANY($2)`,
      [organizationId, memberIds, periodStart],
    );
  }

  /** Appends ledger lines and moves every total they touch; returns the boards' new version. */
  record(organizationId: string, lines: LedgerLine[], at: Date): Promise<number> {
    return recordLedger(this.db, organizationId, lines, at);
  }

  /** The boards' version: bumped by every ledger write. */
  async version(organizationId: string): Promise<number> {
    const [row] = await this.db.query<VersionRow[]>(
      `SELECT version FROM leaderboard_versions WHERE organization_id = $1`,
      [organizationId],
    );
    return Number(row?.version ?? 0);
  }

  /** Every entry written for these sources (originals and reversals alike). */
  entriesOf(
    organizationId: string,
    sources: { type: LedgerSource; id: string }[],
  ): Promise<EntryRow[]> {
    return this.db.query<EntryRow[]>(
      `SELECT member_id, account, amount, team_id, occurred_on, source_type, source_id
         FROM ledger_entries
        WHERE organization_id = $1
          AND (source_type, source_id) IN (SELECT * FROM unnest($2::varchar[], $3::uuid[]))`,
      [organizationId, sources.map((s) => s.type), sources.map((s) => s.id)],
    );
  }

  /** A member's all-time and one month's totals. */
  totals(memberId: string, allTimeStart: string, monthStart: string): Promise<TotalRow[]> {
    return this.db.query<TotalRow[]>(
      `SELECT account, period_type, points FROM point_totals
        WHERE member_id = $1 AND ((period_type = 'all' AND period_start = $2) OR (period_type = 'month' AND period_start = $3))`,
      [memberId, allTimeStart, monthStart],
    );
  }

  history(organizationId: string, memberId: string, limit: number): Promise<HistoryRow[]> {
    return this.db.query<HistoryRow[]>(
      `SELECT id, account, amount, source_type, source_id, occurred_on, created_at FROM ledger_entries
        WHERE organization_id = $1 AND member_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
      [organizationId, memberId, limit],
    );
  }

  /** Rebuilds the totals from the ledger and reports where they differ. */
  verify(organizationId: string): Promise<LedgerDriftReport> {
    return verifyLedger(this.db, organizationId);
  }
}
