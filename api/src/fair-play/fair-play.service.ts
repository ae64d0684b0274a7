import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FairPlayFlag } from '@bravo/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { OrganizationsService } from '../organizations/organizations.service';
import { addDays, addMonths, localDate, monthStart } from '../points/periods';

/** How far above the organisation's average a pair must trade to be flagged. */
const PAIR_NORM_FACTOR = 3;
const PAIR_MIN_POINTS = 30;
/** Share of the monthly allowance given in the month's last days that counts as dumping. */
const DUMP_SHARE = 0.6;
const DUMP_LAST_DAYS = 3;

/** Flags for admins to look at; nothing here blocks anyone. */
@Injectable()
export class FairPlayService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
  ) {}

  async flags(organizationId: string, period: 'month' | 'last-month'): Promise<FairPlayFlag[]> {
    const { timezone } = await this.organizations.context(organizationId);
    const thisMonth = monthStart(localDate(this.clock.now(), timezone));
    const from = period === 'month' ? thisMonth : addMonths(thisMonth, -1);
    const to = addMonths(from, 1);
    return [
      ...(await this.reciprocalPairs(organizationId, from, to)),
      ...(await this.dumping(organizationId, from, to)),
    ];
  }

  /** Pairs who give each other far more than pairs usually do. */
  private async reciprocalPairs(
    organizationId: string,
    from: string,
    to: string,
  ): Promise<FairPlayFlag[]> {
    const rows: {
      a: string;
      b: string;
      a_name: string;
      b_name: string;
      ab: number;
      ba: number;
      norm: string;
    }[] = await this.db.query(
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
      [organizationId, from, to, PAIR_NORM_FACTOR, PAIR_MIN_POINTS],
    );
    return rows.map((r) => {
      const norm = Math.round(Number(r.norm));
      return {
        kind: 'reciprocal_pair' as const,
        memberIds: [r.a, r.b],
        names: [r.a_name, r.b_name],
        points: r.ab + r.ba,
        reason: `${r.a_name} and ${r.b_name} gave each other ${r.ab} and ${r.ba} points — ${Math.round(((r.ab + r.ba) / Math.max(norm, 1)) * 10) / 10}× what a pair usually trades (${norm}).`,
      };
    });
  }

  /** Members who spent most of their allowance in the month's last days. */
  private async dumping(organizationId: string, from: string, to: string): Promise<FairPlayFlag[]> {
    const lastDays = addDays(to, -DUMP_LAST_DAYS);
    const rows: { member_id: string; name: string; late: number; total: number }[] =
      await this.db.query(
        `SELECT a.member_id, m.name, late.points AS late, a.total
         FROM allowances a JOIN members m ON m.id = a.member_id
         JOIN LATERAL (
           SELECT coalesce(sum(amount), 0)::int AS points FROM ledger_entries l
            WHERE l.member_id = a.member_id AND l.account = 'given' AND l.occurred_on >= $3 AND l.occurred_on < $4
         ) late ON true
        WHERE a.organization_id = $1 AND a.period_start = $2 AND a.total > 0 AND late.points >= a.total * $5::float
        ORDER BY late.points DESC`,
        [organizationId, from, lastDays, to, DUMP_SHARE],
      );
    return rows.map((r) => ({
      kind: 'allowance_dumping' as const,
      memberIds: [r.member_id],
      names: [r.name],
      points: r.late,
      reason: `${r.name} gave ${r.late} of ${r.total} allowance points in the last ${DUMP_LAST_DAYS} days of the month.`,
    }));
  }
}
