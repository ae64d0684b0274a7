import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ALL_TIME_WINDOW_START, type BadgeMetric, type BadgeWindow } from '@bravo/shared';
import type { BadgeMetricSource, MetricCount, MetricQuery } from '../badges/badge-metric-source';
import { Db } from '../database/current-manager';
import { monthStart, weekStart } from '../points/periods';

/** The badge metrics missions answers, over its own tables. */
export const MISSIONS_METRICS = ['missions_completed'] as const satisfies readonly BadgeMetric[];

const WINDOW_SQL: Record<BadgeWindow, string> = {
  week: `date_trunc('week', s.completed_on)::date`,
  month: `date_trunc('month', s.completed_on)::date`,
  all_time: `DATE '${ALL_TIME_WINDOW_START}'`,
};

const windowStartOf = (window: BadgeWindow, date: string): string =>
  window === 'week'
    ? weekStart(date)
    : window === 'month'
      ? monthStart(date)
      : ALL_TIME_WINDOW_START;

interface CountRow {
  member_id: string;
  window_start: string | Date;
  value: number;
}

/** Completions per member and window (only rows ≥ `atLeast`), in one statement; the demo seed uses it too. */
export async function missionsMetricCounts(
  manager: EntityManager,
  q: MetricQuery,
): Promise<MetricCount[]> {
  if (!(MISSIONS_METRICS as readonly string[]).includes(q.metric)) {
    throw new Error(`missions does not answer the metric ${q.metric}`);
  }
  const params: unknown[] = [q.organizationId, q.today, q.atLeast];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const period =
    q.windows === 'current' && q.window !== 'all_time'
      ? `s.completed_on BETWEEN ${param(windowStartOf(q.window, q.today))}::date AND $2::date`
      : `s.completed_on <= $2::date`;
  const only = q.memberIds === null ? '' : `AND s.member_id = ANY(${param(q.memberIds)}::uuid[])`;
  const rows = await manager.query<CountRow[]>(
    `SELECT s.member_id, ${WINDOW_SQL[q.window]} AS window_start, count(*)::int AS value
       FROM mission_submissions s
      WHERE s.organization_id = $1 AND s.status = 'approved' AND ${period} ${only}
      GROUP BY 1, 2 HAVING count(*) >= $3`,
    params,
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    windowStart:
      typeof r.window_start === 'string'
        ? r.window_start.slice(0, 10)
        : r.window_start.toISOString().slice(0, 10),
    value: Number(r.value),
  }));
}

/** Missions' answer to badge metrics, on the current transaction's connection. */
@Injectable()
export class MissionsMetrics implements BadgeMetricSource {
  readonly metrics = MISSIONS_METRICS;

  constructor(private readonly db: Db) {}

  counts(query: MetricQuery): Promise<MetricCount[]> {
    return missionsMetricCounts(this.db.tx, query);
  }
}
