import type { BadgeWindow } from '@bravo/shared';

/**
 * What a badge rule asks a metric source: per member and window, the metric's value.
 * Set-based: one query answers every member (or the few in `memberIds`) at once.
 */
export interface MetricQuery {
  organizationId: string;
  metric: string;
  window: BadgeWindow;
  /** For per-value metrics; null otherwise. */
  valueId: string | null;
  /** Only these members; null: everyone in the organisation. */
  memberIds: string[] | null;
  /**
   * `all`: every window so far (retroactive awards); `current`: only the window containing
   * `today` (automatic evaluation, progress). All-time rules have one window either way.
   */
  windows: 'all' | 'current';
  /** The organisation's local date now (bounds streaks, picks the current window). */
  today: string;
  /** Only rows whose value is at least this (the rule's threshold; 1 for progress). */
  atLeast: number;
  /**
   * A tracked mission's span instead of the window: one window from `from` to `to` (local
   * dates, both included), reported with `windowStart` = `from`.
   */
  span?: { from: string; to: string };
}

export interface MetricCount {
  memberId: string;
  /** The window's first local date (Monday, the 1st, or `1970-01-01` for all time). */
  windowStart: string;
  value: number;
}

/**
 * A feature that can answer badge metrics over its own tables (badges never read them).
 * Kudos provides `KudosMetrics`, missions `MissionsMetrics`, praise `PraiseMetrics`; each is registered in
 * `MetricsModule`'s `BADGE_METRIC_SOURCES` factory (badges and tracked missions read them).
 */
export interface BadgeMetricSource {
  /** The metric keys this source answers. */
  readonly metrics: readonly string[];
  counts(query: MetricQuery): Promise<MetricCount[]>;
}

/** The injection token of the list of sources. */
export const BADGE_METRIC_SOURCES = Symbol('BADGE_METRIC_SOURCES');
