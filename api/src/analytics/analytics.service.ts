import { Inject, Injectable } from '@nestjs/common';
import {
  ANALYTICS_LIMITS,
  type AnalyticsBadgesDto,
  type AnalyticsCsvTable,
  type AnalyticsFairnessDto,
  type AnalyticsMissionsDto,
  type AnalyticsParticipationDto,
  type AnalyticsPraiseDto,
  type AnalyticsRangeDto,
  type AnalyticsTopGiversDto,
  type AnalyticsValuesDto,
  type ConcentrationDto,
} from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { forbidden, invalid } from '../common/domain-exception';
import { Db } from '../database/current-manager';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { addDays, localDate, startOfLocalDay } from '../points/periods';
import type { AnalyticsQuery } from './analytics.dto';
import {
  ANALYTICS_TABLES,
  mapRow,
  topGiversStatement,
  WITHOUT_JIT,
  type AnalyticsScope,
  type Statement,
} from './analytics.queries';

/** A request's scope, with the range as the answer echoes it. */
export interface ResolvedScope {
  scope: AnalyticsScope;
  range: AnalyticsRangeDto;
}

/** Whether a `YYYY-MM-DD` names a real calendar day (the DTO checks only the shape). */
const realDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The figures; who may see which teams is settled here, once, for every table. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Admins see the organisation (or one of its teams); managers their managed teams (or one of
   * them: another team is 403); employees never reach here (the controller needs a manager).
   */
  async resolve(caller: AuthMember, q: AnalyticsQuery): Promise<ResolvedScope> {
    const { timezone } = await this.organizations.context(caller.organizationId);
    const today = localDate(this.clock.now(), timezone);
    const to = q.to ?? (q.from ? addDays(q.from, ANALYTICS_LIMITS.defaultSpanDays - 1) : today);
    const from = q.from ?? addDays(to, -(ANALYTICS_LIMITS.defaultSpanDays - 1));
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!realDate(value)) {
        throw invalid(field, 'invalid_date', `${field} must be a real date (YYYY-MM-DD).`);
      }
    }
    if (from > to) {
      throw invalid('to', 'out_of_range', 'to must be on or after from.');
    }
    const span = daysBetween(from, to) + 1;
    if (span > ANALYTICS_LIMITS.maxSpanDays) {
      throw invalid(
        'to',
        'too_large',
        `A range spans at most ${ANALYTICS_LIMITS.maxSpanDays} days (this one ${span}).`,
        { max: ANALYTICS_LIMITS.maxSpanDays },
      );
    }

    let teamIds: string[] | null = caller.role === 'admin' ? null : caller.managedTeamIds;
    if (q.teamId !== undefined) {
      if (caller.role !== 'admin' && !caller.managedTeamIds.includes(q.teamId)) {
        throw forbidden('Managers see analytics of the teams they manage only.');
      }
      const found = await this.db.tx.query<unknown[]>(
        'SELECT 1 FROM teams WHERE id = $1 AND organization_id = $2',
        [q.teamId, caller.organizationId],
      );
      if (found.length === 0) {
        throw invalid('teamId', 'unknown_team', 'No such team in this organisation.');
      }
      teamIds = [q.teamId];
    }
    return {
      scope: {
        organizationId: caller.organizationId,
        from,
        to,
        teamIds,
        fromInstant: startOfLocalDay(from, timezone),
        toInstantExclusive: startOfLocalDay(addDays(to, 1), timezone),
        notRecognisedSince: addDays(to, -(ANALYTICS_LIMITS.notRecognisedDays - 1)),
      },
      range: { from, to, teamId: q.teamId ?? null, timezone },
    };
  }

  /** One table's rows as DTOs. */
  rows<T>(statement: Statement): Promise<T[]> {
    return this.transactions.run(async () => {
      await this.db.tx.query(WITHOUT_JIT);
      const raw = await this.db.tx.query<Record<string, unknown>[]>(
        statement.sql,
        statement.params,
      );
      return raw.map((r) => mapRow<T>(statement.columns, r));
    });
  }

  table<T>(table: AnalyticsCsvTable, scope: AnalyticsScope): Promise<T[]> {
    return this.rows<T>(ANALYTICS_TABLES[table](scope));
  }

  async participation(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsParticipationDto> {
    const { scope, range } = await this.resolve(caller, q);
    return {
      range,
      weeks: await this.table('participation-weeks', scope),
      months: await this.table('participation-months', scope),
    };
  }

  async values(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsValuesDto> {
    const { scope, range } = await this.resolve(caller, q);
    return {
      range,
      values: await this.table('values', scope),
      weeks: await this.table('value-weeks', scope),
    };
  }

  async fairness(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsFairnessDto> {
    const { scope, range } = await this.resolve(caller, q);
    const [concentration] = await this.table<ConcentrationDto>('concentration', scope);
    return {
      range,
      notRecognisedSince: scope.notRecognisedSince,
      notRecognised: await this.table('not-recognised', scope),
      concentration,
      teams: await this.table('team-fte', scope),
    };
  }

  async topGivers(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsTopGiversDto> {
    const { scope, range } = await this.resolve(caller, q);
    return { range, givers: await this.rows(topGiversStatement(scope)) };
  }

  async missions(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsMissionsDto> {
    const { scope, range } = await this.resolve(caller, q);
    return { range, missions: await this.table('missions', scope) };
  }

  async praise(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsPraiseDto> {
    const { scope, range } = await this.resolve(caller, q);
    return { range, praise: await this.table('praise', scope) };
  }

  async badges(caller: AuthMember, q: AnalyticsQuery): Promise<AnalyticsBadgesDto> {
    const { scope, range } = await this.resolve(caller, q);
    return { range, badges: await this.table('badges', scope) };
  }
}
