import { Inject, Injectable } from '@nestjs/common';
import type { AllowanceDto, LedgerDriftReport, LedgerEntryDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { OrganizationsService } from '../organizations/organizations.service';
import { monthlyAllowance } from './monthly-allowance';
import { addMonths, localDate, monthStart, startOfLocalDay, ALL_TIME_START } from './periods';
import { PointsRepository } from './points.repository';

/** A member's earned and given points, this month and all time. */
export interface PointsSummary {
  earned: { thisMonth: number; allTime: number };
  given: { thisMonth: number; allTime: number };
}

/** What members read about points: allowance, totals, history, and the admin's ledger check. */
@Injectable()
export class PointsReadService {
  constructor(
    private readonly repository: PointsRepository,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Several members' allowances in one query (for live pushes), by member id. */
  async allowancesOf(
    organizationId: string,
    memberIds: string[],
  ): Promise<Map<string, AllowanceDto>> {
    const { timezone, rules } = await this.organizations.context(organizationId);
    const period = monthStart(localDate(this.clock.now(), timezone));
    const rows = await this.repository.allowancesOf(organizationId, memberIds, period);
    return new Map(
      rows.map((r) => [
        r.id,
        allowanceDto(
          r.total ?? monthlyAllowance(r.role, rules, r.part_time_factor),
          r.spent ?? 0,
          period,
          timezone,
        ),
      ]),
    );
  }

  async allowance(
    caller: Pick<AuthMember, 'id' | 'organizationId' | 'role'>,
  ): Promise<AllowanceDto> {
    const { timezone, rules } = await this.organizations.context(caller.organizationId);
    const period = monthStart(localDate(this.clock.now(), timezone));
    const row = await this.repository.memberAllowance(caller.organizationId, caller.id, period);
    return allowanceDto(
      // Not opened yet this month: what the first kudos will open it with.
      row?.total ?? monthlyAllowance(caller.role, rules, row?.part_time_factor ?? 1),
      row?.spent ?? 0,
      period,
      timezone,
    );
  }

  async summary(organizationId: string, memberId: string): Promise<PointsSummary> {
    const { timezone } = await this.organizations.context(organizationId);
    const month = monthStart(localDate(this.clock.now(), timezone));
    const totals = await this.repository.totals(memberId, ALL_TIME_START, month);
    const pick = (account: string, type: string) =>
      totals.find((t) => t.account === account && t.period_type === type)?.points ?? 0;
    return {
      earned: { thisMonth: pick('earned', 'month'), allTime: pick('earned', 'all') },
      given: { thisMonth: pick('given', 'month'), allTime: pick('given', 'all') },
    };
  }

  async history(caller: AuthMember, memberId: string, limit = 50): Promise<LedgerEntryDto[]> {
    const rows = await this.repository.history(caller.organizationId, memberId, limit);
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
    return this.repository.verify(caller.organizationId);
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
