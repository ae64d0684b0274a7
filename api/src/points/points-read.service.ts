import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AllowanceDto,
  LedgerDriftReport,
  LedgerEntryDto,
  ProfileDto,
  Role,
} from '@bravo/shared';
import { DataSource } from 'typeorm';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-exception';
import { OrganizationsService } from '../organizations/organizations.service';
import { verifyLedger } from './ledger-verifier';
import { monthlyAllowance } from './monthly-allowance';
import { addMonths, localDate, monthStart, startOfLocalDay, ALL_TIME_START } from './periods';

/** What members read about points: allowance, profile, history, and the admin's ledger check. */
@Injectable()
export class PointsReadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Several members' allowances in one query (for live pushes), by member id. */
  async allowancesOf(
    organizationId: string,
    memberIds: string[],
  ): Promise<Map<string, AllowanceDto>> {
    const { timezone, rules } = await this.organizations.context(organizationId, this.db.manager);
    const period = monthStart(localDate(this.clock.now(), timezone));
    const rows: { id: string; role: Role; total: number | null; spent: number | null }[] =
      await this.db.query(
        `SELECT m.id, m.role, a.total, a.spent FROM members m
           LEFT JOIN allowances a ON a.member_id = m.id AND a.period_start = $3
          WHERE m.organization_id = $1 AND m.id = ANY($2)`,
        [organizationId, memberIds, period],
      );
    return new Map(
      rows.map((r) => [
        r.id,
        allowanceDto(r.total ?? monthlyAllowance(r.role, rules), r.spent ?? 0, period, timezone),
      ]),
    );
  }

  async allowance(
    caller: Pick<AuthMember, 'id' | 'organizationId' | 'role'>,
  ): Promise<AllowanceDto> {
    const { timezone, rules } = await this.organizations.context(
      caller.organizationId,
      this.db.manager,
    );
    const period = monthStart(localDate(this.clock.now(), timezone));
    const [row] = await this.db.query(
      `SELECT total, spent FROM allowances WHERE member_id = $1 AND period_start = $2`,
      [caller.id, period],
    );
    return allowanceDto(
      row?.total ?? monthlyAllowance(caller.role, rules),
      row?.spent ?? 0,
      period,
      timezone,
    );
  }

  async profile(caller: AuthMember, memberId: string): Promise<ProfileDto> {
    const [member] = await this.db.query(
      `SELECT id, name, team_id, role FROM members WHERE id = $1 AND organization_id = $2`,
      [memberId, caller.organizationId],
    );
    if (!member) {
      throw notFound('Member');
    }
    const { timezone } = await this.organizations.context(caller.organizationId);
    const month = monthStart(localDate(this.clock.now(), timezone));
    const totals: { account: string; period_type: string; points: number }[] = await this.db.query(
      `SELECT account, period_type, points FROM point_totals
        WHERE member_id = $1 AND ((period_type = 'all' AND period_start = $2) OR (period_type = 'month' AND period_start = $3))`,
      [memberId, ALL_TIME_START, month],
    );
    const pick = (account: string, type: string) =>
      totals.find((t) => t.account === account && t.period_type === type)?.points ?? 0;
    const byValue: {
      value_id: string;
      name: string;
      emoji: string | null;
      color: string;
      kudos: number;
      points: number;
    }[] = await this.db.query(
      `SELECT v.id AS value_id, v.name, v.emoji, v.color, count(*)::int AS kudos, sum(k.points)::int AS points
           FROM kudos_recipients r JOIN kudos k ON k.id = r.kudos_id JOIN brand_values v ON v.id = k.value_id
          WHERE r.member_id = $1 AND k.withdrawn_at IS NULL AND k.hidden_at IS NULL
          GROUP BY v.id ORDER BY kudos DESC, v.name`,
      [memberId],
    );
    return {
      member: { id: member.id, name: member.name, teamId: member.team_id, role: member.role },
      earned: { thisMonth: pick('earned', 'month'), allTime: pick('earned', 'all') },
      given: { thisMonth: pick('given', 'month'), allTime: pick('given', 'all') },
      byValue: byValue.map((v) => ({
        valueId: v.value_id,
        name: v.name,
        emoji: v.emoji,
        color: v.color,
        kudos: v.kudos,
        points: v.points,
      })),
    };
  }

  async history(caller: AuthMember, memberId: string, limit = 50): Promise<LedgerEntryDto[]> {
    const rows: {
      id: string;
      account: 'earned' | 'given';
      amount: number;
      source_type: string;
      source_id: string | null;
      occurred_on: string;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, account, amount, source_type, source_id, occurred_on, created_at FROM ledger_entries
          WHERE organization_id = $1 AND member_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
      [caller.organizationId, memberId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      account: r.account,
      amount: r.amount,
      sourceType: r.source_type,
      sourceId: r.source_id,
      occurredOn: r.occurred_on,
      createdAt: r.created_at.toISOString(),
    }));
  }

  verify(caller: AuthMember): Promise<LedgerDriftReport> {
    return verifyLedger(this.db.manager, caller.organizationId);
  }
}

function allowanceDto(
  total: number,
  spent: number,
  period: string,
  timezone: string,
): AllowanceDto {
  return {
    total,
    spent,
    remaining: total - spent,
    resetsAt: startOfLocalDay(addMonths(period, 1), timezone).toISOString(),
  };
}
