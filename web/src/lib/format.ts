import type { Locale } from '@bravo/shared';

/** A calendar date in the given language, in a fixed zone so server and browser agree. */
export function formatDate(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}
