import { Inject, Injectable } from '@nestjs/common';
import type { FairPlayFlag } from '@bravo/shared';
import { Clock } from '../common/clock';
import { OrganizationsService } from '../organizations/organizations.service';
import { FairPlayQueries } from './fair-play.queries';
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
    private readonly queries: FairPlayQueries,
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
    const rows = await this.queries.reciprocalPairs(
      organizationId,
      from,
      to,
      PAIR_NORM_FACTOR,
      PAIR_MIN_POINTS,
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
    const rows = await this.queries.lateGivers(organizationId, from, lastDays, to, DUMP_SHARE);
    return rows.map((r) => ({
      kind: 'allowance_dumping' as const,
      memberIds: [r.member_id],
      names: [r.name],
      points: r.late,
      reason: `${r.name} gave ${r.late} of ${r.total} allowance points in the last ${DUMP_LAST_DAYS} days of the month.`,
    }));
  }
}
