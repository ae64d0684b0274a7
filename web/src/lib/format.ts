import type { Locale } from '@bravo/shared';

// Building an Intl formatter costs far more than using one, and a feed formats
// two times per card on every tick of its clock: one formatter per language and options.
type Formatter =
  Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat | Intl.ListFormat;
const formatters = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(
    `date|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

/** A calendar date in the given language, in a fixed zone so server and browser agree. */
export function formatDate(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

/** Day and month only ("1 Dec"), for dates within the year such as an allowance reset. */
export function formatDayMonth(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(date);
}

/** Date and time for a tooltip ("1 Dec 2025, 14:05"). */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "just now", "5 minutes ago", "yesterday" in the reader's language. */
export function formatRelative(iso: string, locale: Locale, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) {
    return iso;
  }
  let amount = (time - now) / 1000;
  const format = cached(
    `relative|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  if (Math.abs(amount) < 45) {
    return format.format(0, 'second');
  }
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) {
      return format.format(Math.round(amount), unit);
    }
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** A whole or one-decimal number in the reader's language. */
export function formatNumber(value: number, locale: Locale): string {
  return cached(
    `number|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
  ).format(value);
}

/** A period as "1–30 Nov 2025"; `to` is the first instant after it. */
export function formatPeriod(from: string, to: string, locale: Locale, timeZone = 'UTC'): string {
  const start = new Date(from);
  const end = new Date(new Date(to).getTime() - 1);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    return '';
  }
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).formatRange(start, end);
}

/** "A, B and C" in the reader's language. */
export function listFormat(locale: Locale): Intl.ListFormat {
  return cached(
    `list|${locale}`,
    () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
  );
}

/**
 * Builds the formatters a page of kudos uses, one per call, so a caller can give each its
 * own task: the first formatter of a kind loads the engine's locale data (10-40 ms on a
 * phone), which inside hydration would lengthen the one task a tap waits on.
 */
export function formatterWarmups(locale: Locale, timeZone: string): (() => unknown)[] {
  const sample = new Date(0).toISOString();
  return [
    () => new Intl.PluralRules(locale).select(1),
    () => formatDayMonth(sample, locale, timeZone),
    () => formatDateTime(sample, locale, timeZone),
    () => formatRelative(sample, locale),
    () => [formatNumber(1, locale), listFormat(locale).format(['a', 'b'])],
  ];
}
