import { ALL_TIME_WINDOW_START, type BadgeWindow } from '@bravo/shared';
import { monthStart, weekStart } from '../points/periods';

/** The first local date of the window holding `date` (a Monday, the 1st, or all time's start). */
export function windowStartOf(window: BadgeWindow, date: string): string {
  return window === 'week'
    ? weekStart(date)
    : window === 'month'
      ? monthStart(date)
      : ALL_TIME_WINDOW_START;
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
