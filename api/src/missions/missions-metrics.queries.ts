import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BadgeMetric } from '@bravo/shared';
import type { BadgeMetricSource, MetricCount, MetricQuery } from '../badges/badge-metric-source';
import { isoDate, metricPeriod, windowStartOf, windowStartSql } from '../badges/badge-windows';
import { Db } from '../database/current-manager';
import { OrganizationsService } from '../organizations/organizations.service';
import { addMonths } from '../points/periods';

/** The badge metrics missions answers, over its own tables. */
export const MISSIONS_METRICS = [
  'missions_completed',
  'months_all_missions_completed',
] as const satisfies readonly BadgeMetric[];

/** What a completed mission can change for the member who completed it. */
export const COMPLETION_METRICS: readonly BadgeMetric[] = MISSIONS_METRICS;

export const isMissionsMetric = (metric: string): boolean =>
  (MISSIONS_METRICS as readonly string[]).includes(metric);

interface CountRow {
  member_id: string;
  window_start: string | Date;
  value: number;
}

/**
 * Per member and window (only rows ≥ `atLeast`), in one statement; the demo seed uses it too.
 * `timezone` is the organisation's: it tells a mission closed before its end date (not due).
 */
export async function missionsMetricCounts(
  manager: EntityManager,
  q: MetricQuery,
  timezone: string,
): Promise<MetricCount[]> {
  if (!isMissionsMetric(q.metric)) {
    throw new Error(`missions does not answer the metric ${q.metric}`);
  }
  const params: unknown[] = [q.organizationId, q.today, q.atLeast];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const rows =
    q.metric === 'missions_completed'
      ? await completions(manager, q, params, param)
      : await fullMonths(manager, q, params, param, timezone);
  return rows.map((r) => ({
    memberId: r.member_id,
    windowStart: isoDate(r.window_start),
    value: Number(r.value),
  }));
}

type Param = (value: unknown) => string;

/** `missions_completed`: approved submissions, by the local date they were completed on. */
function completions(
  manager: EntityManager,
  q: MetricQuery,
  params: unknown[],
  param: Param,
): Promise<CountRow[]> {
  const { period, windowStart } = metricPeriod(q, 's.completed_on', param);
  const only = q.memberIds === null ? '' : `AND s.member_id = ANY(${param(q.memberIds)}::uuid[])`;
  return manager.query<CountRow[]>(
    `SELECT s.member_id, ${windowStart} AS window_start, count(*)::int AS value
       FROM mission_submissions s
      WHERE s.organization_id = $1 AND s.status = 'approved' AND ${period} ${only}
      GROUP BY 1, 2 HAVING count(*) >= $3`,
    params,
  );
}

/**
 * `months_all_missions_completed`: calendar months (of the missions' `starts_on`) in which
 * the member completed every published mission of the month that was for them. Who a mission
 * was for comes from the teams on the member's own submissions of that month (missions do
 * not read members): everyone's missions, and those of any team they handed in from. A
 * mission closed before the end of its end date was not due; a month with nothing due never
 * counts. Windows: the month (one per qualifying month) or all time (how many months).
 */
function fullMonths(
  manager: EntityManager,
  q: MetricQuery,
  params: unknown[],
  param: Param,
  timezone: string,
): Promise<CountRow[]> {
  const tz = param(timezone);
  let period = '';
  if (q.windows === 'current' && q.window !== 'all_time') {
    const start = windowStartOf('month', q.today);
    period = `AND m.starts_on >= ${param(start)}::date AND m.starts_on < ${param(addMonths(start, 1))}::date`;
  }
  const only = q.memberIds === null ? '' : `AND s.member_id = ANY(${param(q.memberIds)}::uuid[])`;
  return manager.query<CountRow[]>(
    `WITH months AS (
       SELECT s.member_id, date_trunc('month', m.starts_on)::date AS month,
              coalesce(array_agg(DISTINCT s.team_id) FILTER (WHERE s.team_id IS NOT NULL), '{}') AS team_ids
         FROM mission_submissions s
         JOIN missions m ON m.id = s.mission_id AND m.organization_id = $1
        WHERE s.organization_id = $1 ${period} ${only}
        GROUP BY 1, 2
     ), due AS (
       SELECT mo.member_id, mo.month,
              EXISTS (SELECT 1 FROM mission_submissions d
                       WHERE d.organization_id = $1 AND d.mission_id = m.id AND d.member_id = mo.member_id
                         AND d.status = 'approved' AND d.completed_on <= $2::date) AS done
         FROM months mo
         JOIN missions m ON m.organization_id = $1
                        AND m.starts_on >= mo.month AND m.starts_on < mo.month + interval '1 month'
        WHERE m.published_at IS NOT NULL
          AND (m.closed_at IS NULL OR m.closed_at >= ((m.ends_on + 1)::timestamp AT TIME ZONE ${tz}::text))
          AND (m.team_ids = '{}' OR m.team_ids && mo.team_ids)
     ), full_months AS (
       SELECT member_id, month FROM due GROUP BY 1, 2 HAVING bool_and(done)
     )
     SELECT member_id, ${windowStartSql(q.window, 'month')} AS window_start, count(*)::int AS value
       FROM full_months
      GROUP BY 1, 2 HAVING count(*) >= $3`,
    params,
  );
}

/** Missions' answer to badge metrics, on the current transaction's connection. */
@Injectable()
export class MissionsMetrics implements BadgeMetricSource {
  readonly metrics = MISSIONS_METRICS;

  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationsService,
  ) {}

  async counts(query: MetricQuery): Promise<MetricCount[]> {
    const { timezone } = await this.organizations.context(query.organizationId);
    return missionsMetricCounts(this.db.tx, query, timezone);
  }
}
