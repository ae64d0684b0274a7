import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ALL_TIME_WINDOW_START, type BadgeMetric } from '@bravo/shared';
import type { BadgeMetricSource, MetricCount, MetricQuery } from '../badges/badge-metric-source';
import { isoDate, metricPeriod } from '../badges/badge-windows';
import { Db } from '../database/current-manager';
import type { MetricChange } from '../metrics/metric-changes.queue';
import type { KudosRecord } from './kudos-record';

/** The badge metrics kudos answers, over its own tables. */
export const KUDOS_METRICS = [
  'kudos_received',
  'kudos_given',
  'distinct_colleagues_recognised',
  'kudos_received_for_value',
  'kudos_given_for_value',
  'distinct_givers',
  'weekly_giving_streak',
] as const satisfies readonly BadgeMetric[];
export type KudosMetric = (typeof KUDOS_METRICS)[number];

/** What a new kudos can change for its giver, and for its recipients. */
export const GIVER_METRICS: readonly KudosMetric[] = [
  'kudos_given',
  'kudos_given_for_value',
  'distinct_colleagues_recognised',
  'weekly_giving_streak',
];
export const RECIPIENT_METRICS: readonly KudosMetric[] = [
  'kudos_received',
  'kudos_received_for_value',
  'distinct_givers',
];

/** The metrics a new kudos may have moved, for whom (badges and tracked missions re-count these). */
export function kudosMetricChanges(kudos: KudosRecord): MetricChange[] {
  return [
    { memberIds: [kudos.giver.id], metrics: GIVER_METRICS },
    { memberIds: kudos.recipients.map((r) => r.id), metrics: RECIPIENT_METRICS },
  ];
}

const isKudosMetric = (metric: string): metric is KudosMetric =>
  (KUDOS_METRICS as readonly string[]).includes(metric);

/** Withdrawn and hidden kudos count for nothing (as in the feed). */
const VISIBLE = 'k.withdrawn_at IS NULL AND k.hidden_at IS NULL';

interface CountRow {
  member_id: string;
  window_start: string;
  value: number;
}

/**
 * Per member and window, the metric's value (only rows ≥ `atLeast`), in one statement.
 * A plain function on a manager so the demo seed can use it too.
 */
export async function kudosMetricCounts(
  manager: EntityManager,
  q: MetricQuery,
): Promise<MetricCount[]> {
  if (!isKudosMetric(q.metric)) {
    throw new Error(`kudos does not answer the metric ${q.metric}`);
  }
  const params: unknown[] = [q.organizationId, q.today, q.atLeast];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const window = q.metric === 'weekly_giving_streak' ? 'all_time' : q.window;
  const { period, windowStart: win } = metricPeriod(q, 'k.occurred_on', param, window);
  const base = `k.organization_id = $1 AND ${VISIBLE} AND ${period}`;
  const only = (column: string) =>
    q.memberIds === null ? '' : `AND ${column} = ANY(${param(q.memberIds)}::uuid[])`;
  const forValue = () => `AND k.value_id = ${param(q.valueId)}::uuid`;

  let sql: string;
  switch (q.metric) {
    case 'kudos_received':
    case 'kudos_received_for_value': {
      const value = q.metric === 'kudos_received_for_value' ? forValue() : '';
      sql = `SELECT r.member_id, ${win} AS window_start, count(*)::int AS value
               FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
              WHERE ${base} ${value} ${only('r.member_id')}
              GROUP BY 1, 2 HAVING count(*) >= $3`;
      break;
    }
    case 'kudos_given':
    case 'kudos_given_for_value': {
      const value = q.metric === 'kudos_given_for_value' ? forValue() : '';
      sql = `SELECT k.giver_id AS member_id, ${win} AS window_start, count(*)::int AS value
               FROM kudos k
              WHERE ${base} ${value} ${only('k.giver_id')}
              GROUP BY 1, 2 HAVING count(*) >= $3`;
      break;
    }
    case 'distinct_givers':
      sql = `SELECT r.member_id, ${win} AS window_start, count(DISTINCT k.giver_id)::int AS value
               FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
              WHERE ${base} ${only('r.member_id')}
              GROUP BY 1, 2 HAVING count(DISTINCT k.giver_id) >= $3`;
      break;
    case 'distinct_colleagues_recognised':
      sql = `SELECT k.giver_id AS member_id, ${win} AS window_start, count(DISTINCT r.member_id)::int AS value
               FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
              WHERE ${base} ${only('k.giver_id')}
              GROUP BY 1, 2 HAVING count(DISTINCT r.member_id) >= $3`;
      break;
    case 'weekly_giving_streak':
      // The longest run of consecutive calendar weeks (to this one) with at least one kudos given:
      // islands of weeks whose distance from their rank is constant.
      sql = `WITH weeks AS (
               SELECT DISTINCT k.giver_id AS member_id, date_trunc('week', k.occurred_on)::date AS week
                 FROM kudos k WHERE ${base} ${only('k.giver_id')}
             ), runs AS (
               SELECT member_id, count(*) AS weeks
                 FROM (SELECT member_id, week - (7 * row_number() OVER (PARTITION BY member_id ORDER BY week))::int AS island
                         FROM weeks) w
                GROUP BY member_id, island
             )
             SELECT member_id, DATE '${ALL_TIME_WINDOW_START}' AS window_start, max(weeks)::int AS value
               FROM runs GROUP BY member_id HAVING max(weeks) >= $3`;
      break;
  }
  const rows = await manager.query<CountRow[]>(sql, params);
  return rows.map((r) => ({
    memberId: r.member_id,
    windowStart: isoDate(r.window_start),
    value: Number(r.value),
  }));
}

/** Kudos' answer to badge metrics, on the current transaction's connection. */
@Injectable()
export class KudosMetrics implements BadgeMetricSource {
  readonly metrics = KUDOS_METRICS;

  constructor(private readonly db: Db) {}

  counts(query: MetricQuery): Promise<MetricCount[]> {
    return kudosMetricCounts(this.db.tx, query);
  }
}
