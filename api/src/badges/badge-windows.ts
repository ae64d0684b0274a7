import { ALL_TIME_WINDOW_START, type BadgeWindow } from '@bravo/shared';
import type { MetricQuery } from './badge-metric-source';
import { addDays, addMonths, monthStart, weekStart } from '../points/periods';

/** The first local date of the window holding `date` (a Monday, the 1st, or all time's start). */
export function windowStartOf(window: BadgeWindow, date: string): string {
  return window === 'week'
    ? weekStart(date)
    : window === 'month'
      ? monthStart(date)
      : ALL_TIME_WINDOW_START;
}

/**
 * The local dates to evaluate a rule at, for changes made from `since` to `today`: the window
 * holding `since` up to its last day, when that window has ended, and then today. A batch
 * gathers for about a second, so it touches at most those two windows.
 */
export function evaluationDays(window: BadgeWindow, since: string, today: string): string[] {
  const first = windowStartOf(window, since);
  // (`since` after today: a clock set back, as tests do; today's window is all there is.)
  if (first === windowStartOf(window, today) || since > today) {
    return [today];
  }
  const lastDay = window === 'week' ? addDays(first, 6) : addDays(addMonths(first, 1), -1);
  return [lastDay, today];
}

/** The SQL of a window's start for a local `date` column, e.g. `k.occurred_on`. */
export function windowStartSql(window: BadgeWindow, dateColumn: string): string {
  return window === 'all_time'
    ? `DATE '${ALL_TIME_WINDOW_START}'`
    : `date_trunc('${window}', ${dateColumn})::date`;
}

/** `date` columns come back as strings (the data source keeps them so); be safe with Dates. */
export function isoDate(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * The rows a metric query counts and the window each is reported under, for a local `date`
 * column: a tracked mission's span (up to today), the current window, or every window to
 * today. The sources' SQL binds today as `$2`; `param` binds anything else.
 */
export function metricPeriod(
  q: MetricQuery,
  dateColumn: string,
  param: (value: unknown) => string,
  window: BadgeWindow = q.window,
): { period: string; windowStart: string } {
  if (q.span) {
    const from = param(q.span.from);
    return {
      period: `${dateColumn} BETWEEN ${from}::date AND LEAST(${param(q.span.to)}::date, $2::date)`,
      windowStart: `${from}::date`,
    };
  }
  return {
    period:
      q.windows === 'current' && window !== 'all_time'
        ? `${dateColumn} BETWEEN ${param(windowStartOf(window, q.today))}::date AND $2::date`
        : `${dateColumn} <= $2::date`,
    windowStart: windowStartSql(window, dateColumn),
  };
}
