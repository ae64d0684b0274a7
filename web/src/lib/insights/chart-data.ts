import type {
  ANALYTICS_CSV_TABLES,
  ParticipationPeriodDto,
  ValueTotalDto,
  ValueWeekDto,
} from '@bravo/shared';

/**
 * What a chart draws and its data table lists: one label per point (a week, a team) and one
 * series per line or bar colour. Both the canvas and the text alternative come from this, so
 * they always show the same figures.
 */
export interface ChartSeries {
  label: string;
  data: number[];
  color: string;
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

/** A share (0–1) as a whole-ish percentage, one decimal at most (0.3333 → 33.3). */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** 'YYYY-MM-DD' plus some days, in calendar arithmetic (no time zones involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of a date's week (weeks start on Monday, as the API's do). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Every Monday from the week of `from` to the week of `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) {
    weeks.push(week);
  }
  return weeks;
}

/** Gave / received shares per week, in percent. */
export function participationChart(
  weeks: ParticipationPeriodDto[],
  names: { gave: string; received: string },
  formatLabel: (date: string) => string = (date) => date,
): ChartData {
  return {
    labels: weeks.map((week) => formatLabel(week.periodStart)),
    series: [
      { label: names.gave, data: weeks.map((w) => percent(w.giverShare)), color: '#b45309' },
      { label: names.received, data: weeks.map((w) => percent(w.receiverShare)), color: '#0f766e' },
    ],
  };
}

/**
 * Kudos per brand value per week, a line per value in its own colour. The API lists only
 * weeks that had kudos: the others are zero, so a quiet week shows as a dip, not a gap.
 */
export function valueTrendChart(
  values: ValueTotalDto[],
  weeks: ValueWeekDto[],
  range: { from: string; to: string },
  formatLabel: (date: string) => string = (date) => date,
): ChartData {
  const mondays = weeksBetween(range.from, range.to);
  const index = new Map(mondays.map((week, i) => [week, i]));
  const series = values.map((value) => ({
    label: value.name,
    color: value.color,
    data: mondays.map(() => 0),
  }));
  const byValue = new Map(values.map((value, i) => [value.valueId, series[i]]));
  for (const week of weeks) {
    const at = index.get(week.weekStart);
    const line = byValue.get(week.valueId);
    if (at !== undefined && line) {
      line.data[at] += week.kudos;
    }
  }
  return { labels: mondays.map(formatLabel), series };
}

/** One bar per item, e.g. points per FTE by team. */
export function barChart<T>(
  items: T[],
  label: (item: T) => string,
  series: { label: string; value: (item: T) => number; color: string }[],
): ChartData {
  return {
    labels: items.map(label),
    series: series.map((s) => ({ label: s.label, color: s.color, data: items.map(s.value) })),
  };
}

/** True when there is nothing to draw: no labels, or every figure zero. */
export function isEmpty(chart: ChartData): boolean {
  return chart.labels.length === 0 || chart.series.every((s) => s.data.every((v) => v === 0));
}

/**
 * The highest point of each series, for a chart's one-sentence summary (its aria-label):
 * the table beside it has every figure, the summary says what to look at.
 */
export function peaks(chart: ChartData): { series: string; label: string; value: number }[] {
  return chart.series
    .filter((s) => s.data.length > 0)
    .map((s) => {
      let best = 0;
      s.data.forEach((value, i) => {
        if (value > s.data[best]) {
          best = i;
        }
      });
      return { series: s.label, label: chart.labels[best], value: s.data[best] };
    });
}

type CsvTable = (typeof ANALYTICS_CSV_TABLES)[number];

/** The web's CSV link for a table, with the page's filters (empty ones left out). */
export function csvHref(
  table: CsvTable,
  filters: { from?: string | null; to?: string | null; teamId?: string | null },
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return `/insights/${table}.csv${search ? `?${search}` : ''}`;
}
