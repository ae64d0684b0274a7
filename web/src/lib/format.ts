import type { Locale } from '@bravo/shared';
import { remembered } from './hydration/format-seed';

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
  return remembered(`date|${locale}|${timeZone}|${iso}`, () =>
    dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date),
  );
}

/** Day and month only ("1 Dec"), for dates within the year such as an allowance reset. */
export function formatDayMonth(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return remembered(`dayMonth|${locale}|${timeZone}|${iso}`, () =>
    dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(date),
  );
}

/** Date and time for a tooltip ("1 Dec 2025, 14:05"). */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return remembered(`dateTime|${locale}|${timeZone}|${iso}`, () =>
    dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date),
  );
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
  let unit: Intl.RelativeTimeFormatUnit = 'year';
  if (Math.abs(amount) < 45) {
    amount = 0;
    unit = 'second';
  } else {
    for (const [step, size] of RELATIVE_STEPS) {
      if (Math.abs(amount) < size) {
        unit = step;
        break;
      }
      amount /= size;
    }
    amount = Math.round(amount);
  }
  return remembered(`relative|${locale}|${amount}|${unit}`, () =>
    cached(
      `relative|${locale}`,
      () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    ).format(amount, unit),
  );
}

/** A whole or one-decimal number in the reader's language. */
export function formatNumber(value: number, locale: Locale): string {
  return remembered(`number|${locale}|${value}`, () =>
    cached(
      `number|${locale}`,
      () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    ).format(value),
  );
}

/** A period as "1–30 Nov 2025"; `to` is the first instant after it. */
export function formatPeriod(from: string, to: string, locale: Locale, timeZone = 'UTC'): string {
  const start = new Date(from);
  const end = new Date(new Date(to).getTime() - 1);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    return '';
  }
  return remembered(`period|${locale}|${timeZone}|${from}|${to}`, () =>
    dateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone,
    }).formatRange(start, end),
  );
}

/** "A, B and C" in the reader's language, as parts: the items ("element") and the words between. */
export function listParts(locale: Locale, items: string[]): { type: string; value: string }[] {
  const parts = remembered(`list|${locale}|${JSON.stringify(items)}`, () =>
    JSON.stringify(
      cached(
        `list|${locale}`,
        () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
      ).formatToParts(items),
    ),
  );
  return JSON.parse(parts) as { type: string; value: string }[];
}
