import { Injectable } from '@nestjs/common';
import { Db } from '../database/current-manager';

/** Row of `reciprocalPairs`: a pair's points each way and what pairs trade on average. */
export interface PairRow {
  a: string;
  b: string;
  a_name: string;
  b_name: string;
  ab: number;
  ba: number;
  norm: string;
}

/** Row of `lateGivers`. */
export interface LateGiverRow {
  member_id: string;
  name: string;
  late: number;
  total: number;
}

/**
 * Fair play owns no table: it reads kudos, ledger, allowances and members for its two
 * reports. Read-only, and the two statements are analyses of their own, so they live
 * here rather than as public queries of four features.
 */
@Injectable()
export class FairPlayQueries {
  constructor(private readonly db: Db) {}

  /** Pairs trading at least `factor` × the average pair (and `minPoints`), each giving at least half of what they got. */
  reciprocalPairs(
    organizationId: string,
    from: string,
    to: string,
    factor: number,
    minPoints: number,
  ): Promise<PairRow[]> {
    return this.db.tx.query<PairRow[]>(
      `WITH gifts AS (
           SELECT k.giver_id AS giver, r.member_id AS receiver, k.points FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
            WHERE k.organization_id = $1 AND k.occurred_on >= $2 AND k.occurred_on < $3 AND k.withdrawn_at IS NULL AND k.hidden_at IS NULL
           UNION ALL
           SELECT b.booster_id, r.member_id, b.points FROM kudos_boosts b JOIN kudos k ON k.id = b.kudos_id JOIN kudos_recipients r ON r.kudos_id = b.kudos_id
            WHERE b.organization_id = $1 AND b.occurred_on >= $2 AND b.occurred_on < $3 AND k.withdrawn_at IS NULL AND k.hidden_at IS NULL
         ),
         directed AS (SELECT giver, receiver, sum(points)::int AS points FROM gifts GROUP BY giver, receiver),
         pairs AS (
           SELECT least(giver, receiver) AS a, greatest(giver, receiver) AS b,
                  sum(points) FILTER (WHERE giver < receiver)::int AS ab, sum(points) FILTER (WHERE giver > receiver)::int AS ba
             FROM directed GROUP BY 1, 2
         ),
         norm AS (SELECT avg(coalesce(ab, 0) + coalesce(ba, 0)) AS norm FROM pairs)
         SELECT p.a, p.b, ma.name AS a_name, mb.name AS b_name, p.ab, p.ba, n.norm
           FROM pairs p CROSS JOIN norm n JOIN members ma ON ma.id = p.a JOIN members mb ON mb.id = p.b
          WHERE p.ab > 0 AND p.ba > 0 AND p.ab + p.ba >= greatest($4 * n.norm, $5)
            AND least(p.ab, p.ba)::float / greatest(p.ab, p.ba) >= 0.5
          ORDER BY p.ab + p.ba DESC`,
      [organizationId, from, to, factor, minPoints],
    );
  }

  /** Members who gave at least `share` of their month's allowance on or after `lastDays`. */
  lateGivers(
    organizationId: string,
    from: string,
    lastDays: string,
    to: string,
    share: number,
  ): Promise<LateGiverRow[]> {
    return this.db.tx.query<LateGiverRow[]>(
      `SELECT a.member_id, m.name, late.points AS late, a.total
         FROM allowances a JOIN members m ON m.id = a.member_id
         JOIN LATERAL (
           SELECT coalesce(sum(amount), 0)::int AS points FROM ledger_entries l
            WHERE l.member_id = a.member_id AND l.account = 'given' AND l.occurred_on >= $3 AND l.occurred_on < $4
         ) late ON true
        WHERE a.organization_id = $1 AND a.period_start = $2 AND a.total > 0 AND late.points >= a.total * $5::float
        ORDER BY late.points DESC`,
      [organizationId, from, lastDays, to, share],
    );
  }
}
