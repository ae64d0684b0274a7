import type { LedgerDriftReport } from '@bravo/shared';
import type { EntityManager } from 'typeorm';

interface DriftRow {
  member_id: string;
  account: string;
  period_type: string;
  period_start: string;
  expected: string;
  actual: string;
}

/**
 * The ledger check's SQL (points' tables only), for the admin endpoint and `npm run ledger:verify`.
 * Rebuilds every member and team total from the ledger and compares it with
 * the maintained totals. Any difference is drift — a bug, reported not hidden.
 */
export async function verifyLedger(
  manager: EntityManager,
  organizationId?: string,
): Promise<LedgerDriftReport> {
  const scope = organizationId ? 'WHERE organization_id = $1' : '';
  const params = organizationId ? [organizationId] : [];
  const drift = await manager.query<DriftRow[]>(
    `WITH ledger AS (SELECT * FROM ledger_entries ${scope}),
       expected AS (
         SELECT member_id, account, 'all' AS period_type, DATE '1970-01-01' AS period_start, sum(amount) AS points FROM ledger GROUP BY 1, 2
         UNION ALL SELECT member_id, account, 'month', date_trunc('month', occurred_on)::date, sum(amount) FROM ledger GROUP BY 1, 2, 4
         UNION ALL SELECT member_id, account, 'week', date_trunc('week', occurred_on)::date, sum(amount) FROM ledger GROUP BY 1, 2, 4
       ),
       actual AS (SELECT member_id, account, period_type, period_start, points FROM point_totals ${scope})
       SELECT coalesce(e.member_id, a.member_id) AS member_id, coalesce(e.account, a.account) AS account,
              coalesce(e.period_type, a.period_type) AS period_type, coalesce(e.period_start, a.period_start) AS period_start,
              coalesce(e.points, 0) AS expected, coalesce(a.points, 0) AS actual
         FROM expected e FULL JOIN actual a
           ON a.member_id = e.member_id AND a.account = e.account AND a.period_type = e.period_type AND a.period_start = e.period_start
        WHERE coalesce(e.points, 0) <> coalesce(a.points, 0)
       UNION ALL
       SELECT coalesce(e.team_id, a.team_id), 'team', coalesce(e.period_type, a.period_type), coalesce(e.period_start, a.period_start),
              coalesce(e.points, 0), coalesce(a.points, 0)
         FROM (
           SELECT team_id, 'all' AS period_type, DATE '1970-01-01' AS period_start, sum(amount) AS points FROM ledger WHERE account = 'earned' AND team_id IS NOT NULL GROUP BY 1
           UNION ALL SELECT team_id, 'month', date_trunc('month', occurred_on)::date, sum(amount) FROM ledger WHERE account = 'earned' AND team_id IS NOT NULL GROUP BY 1, 3
           UNION ALL SELECT team_id, 'week', date_trunc('week', occurred_on)::date, sum(amount) FROM ledger WHERE account = 'earned' AND team_id IS NOT NULL GROUP BY 1, 3
         ) e FULL JOIN (SELECT team_id, period_type, period_start, points FROM team_point_totals ${scope}) a
           ON a.team_id = e.team_id AND a.period_type = e.period_type AND a.period_start = e.period_start
        WHERE coalesce(e.points, 0) <> coalesce(a.points, 0)`,
    params,
  );
  const [{ count }] = await manager.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM point_totals ${scope}`,
    params,
  );
  return {
    ok: drift.length === 0,
    checkedTotals: count,
    drift: drift.map((d) => ({
      memberId: d.member_id,
      account: d.account,
      periodType: d.period_type,
      periodStart: d.period_start,
      expected: Number(d.expected),
      actual: Number(d.actual),
    })),
  };
}
