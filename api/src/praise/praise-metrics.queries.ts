import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BadgeMetric } from '@bravo/shared';
import type { BadgeMetricSource, MetricCount, MetricQuery } from '../badges/badge-metric-source';
import { isoDate, metricPeriod } from '../badges/badge-windows';
import { Db } from '../database/current-manager';

/** The badge (and tracked-mission) metrics praise answers, over its own tables. */
export const PRAISE_METRICS = ['praise_approved'] as const satisfies readonly BadgeMetric[];

interface CountRow {
  member_id: string;
  window_start: string | Date;
  value: number;
}

/** Approved stories naming each member, per window (only rows ≥ `atLeast`), in one statement. */
export async function praiseMetricCounts(
  manager: EntityManager,
  q: MetricQuery,
): Promise<MetricCount[]> {
  if (!(PRAISE_METRICS as readonly string[]).includes(q.metric)) {
    throw new Error(`praise does not answer the metric ${q.metric}`);
  }
  const params: unknown[] = [q.organizationId, q.today, q.atLeast];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { period, windowStart: win } = metricPeriod(q, 'p.approved_on', param);
  const only = q.memberIds === null ? '' : `AND pm.member_id = ANY(${param(q.memberIds)}::uuid[])`;
  const rows = await manager.query<CountRow[]>(
    `SELECT pm.member_id, ${win} AS window_start, count(*)::int AS value
       FROM praise p JOIN praise_members pm ON pm.praise_id = p.id
      WHERE p.organization_id = $1 AND p.status = 'approved' AND ${period} ${only}
      GROUP BY 1, 2 HAVING count(*) >= $3`,
    params,
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    windowStart: isoDate(r.window_start),
    value: Number(r.value),
  }));
}

/** Praise's answer to badge metrics, on the current transaction's connection. */
@Injectable()
export class PraiseMetrics implements BadgeMetricSource {
  readonly metrics = PRAISE_METRICS;

  constructor(private readonly db: Db) {}

  counts(query: MetricQuery): Promise<MetricCount[]> {
    return praiseMetricCounts(this.db.tx, query);
  }
}
