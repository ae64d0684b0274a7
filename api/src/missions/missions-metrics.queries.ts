import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BadgeMetric } from '@bravo/shared';
import type { BadgeMetricSource, MetricCount, MetricQuery } from '../badges/badge-metric-source';
import { isoDate, windowStartOf, windowStartSql } from '../badges/badge-windows';
import { Db } from '../database/current-manager';

/** The badge metrics missions answers, over its own tables. */
export const MISSIONS_METRICS = ['missions_completed'] as const satisfies readonly BadgeMetric[];

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
    `SELECT s.member_id, ${windowStartSql(q.window, 's.completed_on')} AS window_start, count(*)::int AS value
       FROM mission_submissions s
      WHERE s.organization_id = $1 AND s.status = 'approved' AND ${period} ${only}
      GROUP BY 1, 2 HAVING count(*) >= $3`,
    params,
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    windowStart: isoDate(r.window_start),
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
