import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  ANALYTICS_CSV_TABLES,
  type AnalyticsBadgesDto,
  type AnalyticsCsvTable,
  type AnalyticsFairnessDto,
  type AnalyticsMissionsDto,
  type AnalyticsParticipationDto,
  type AnalyticsPraiseDto,
  type AnalyticsTopGiversDto,
  type AnalyticsValuesDto,
} from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { CSV_CONTENT_TYPE, csvFileName } from '../common/csv';
import { invalid } from '../common/domain-exception';
import { csvStream } from './analytics-csv';
import { AnalyticsQuery } from './analytics.dto';
import { ANALYTICS_TABLES } from './analytics.queries';
import {
  AnalyticsBadgesResponse,
  AnalyticsFairnessResponse,
  AnalyticsMissionsResponse,
  AnalyticsParticipationResponse,
  AnalyticsPraiseResponse,
  AnalyticsTopGiversResponse,
  AnalyticsValuesResponse,
} from './analytics.response';
import { AnalyticsService } from './analytics.service';

const isTable = (table: string): table is AnalyticsCsvTable =>
  (ANALYTICS_CSV_TABLES as readonly string[]).includes(table);

/**
 * Is the programme working? Admins: the organisation (or one team); managers: their teams (or
 * one of them). Every route takes `from`, `to` (local dates, both included, ≤ 400 days; default
 * the last 90 days) and `teamId`.
 */
@ApiTags('analytics')
@RequireRole('manager')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Share of active members who gave, and who received, kudos per week and per month. */
  @Get('participation')
  @ApiOkResponse({ type: AnalyticsParticipationResponse })
  participation(
    @CurrentMember() me: AuthMember,
    @Query() q: AnalyticsQuery,
  ): Promise<AnalyticsParticipationDto> {
    return this.analytics.participation(me, q);
  }

  /** Recognition by brand value (kudos and points) and its weekly trend. */
  @Get('values')
  @ApiOkResponse({ type: AnalyticsValuesResponse })
  values(@CurrentMember() me: AuthMember, @Query() q: AnalyticsQuery): Promise<AnalyticsValuesDto> {
    return this.analytics.values(me, q);
  }

  /** Who nobody recognised in 30 days, how concentrated points are, and points per FTE by team. */
  @Get('fairness')
  @ApiOkResponse({ type: AnalyticsFairnessResponse })
  fairness(
    @CurrentMember() me: AuthMember,
    @Query() q: AnalyticsQuery,
  ): Promise<AnalyticsFairnessDto> {
    return this.analytics.fairness(me, q);
  }

  /** The ten members who gave the most kudos (the CSV lists every giver). */
  @Get('top-givers')
  @ApiOkResponse({ type: AnalyticsTopGiversResponse })
  topGivers(
    @CurrentMember() me: AuthMember,
    @Query() q: AnalyticsQuery,
  ): Promise<AnalyticsTopGiversDto> {
    return this.analytics.topGivers(me, q);
  }

  /** Completion rate of published missions overlapping the range, per mission and team. */
  @Get('missions')
  @ApiOkResponse({ type: AnalyticsMissionsResponse })
  missions(
    @CurrentMember() me: AuthMember,
    @Query() q: AnalyticsQuery,
  ): Promise<AnalyticsMissionsDto> {
    return this.analytics.missions(me, q);
  }

  /** Approved customer praise: volume and average rating per team and channel. */
  @Get('praise')
  @ApiOkResponse({ type: AnalyticsPraiseResponse })
  praise(@CurrentMember() me: AuthMember, @Query() q: AnalyticsQuery): Promise<AnalyticsPraiseDto> {
    return this.analytics.praise(me, q);
  }

  /** Badges awarded in the range, per badge. */
  @Get('badges')
  @ApiOkResponse({ type: AnalyticsBadgesResponse })
  badges(@CurrentMember() me: AuthMember, @Query() q: AnalyticsQuery): Promise<AnalyticsBadgesDto> {
    return this.analytics.badges(me, q);
  }

  /**
   * One table as CSV (UTF-8 with BOM, RFC 4180, formula-like cells prefixed with `'`), streamed
   * from a database cursor. Columns are the JSON fields of the same table.
   */
  @Get('csv/:table')
  @ApiParam({ name: 'table', enum: ANALYTICS_CSV_TABLES })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The table as CSV',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  async csv(
    @CurrentMember() me: AuthMember,
    @Param('table') table: string,
    @Query() q: AnalyticsQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    if (!isTable(table)) {
      throw invalid(
        'table',
        'invalid_choice',
        `table must be one of ${ANALYTICS_CSV_TABLES.join(', ')}.`,
      );
    }
    const { scope } = await this.analytics.resolve(me, q);
    const stream = await csvStream(this.dataSource, ANALYTICS_TABLES[table](scope));
    const name = csvFileName(`analytics-${table}-${scope.from}-${scope.to}`);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
