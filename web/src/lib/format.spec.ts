import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatNumber,
  formatRelative,
  formatterWarmups,
  listFormat,
} from './format';

// The formatters are cached: each language, zone and style must still get its own.
describe('format', () => {
  const iso = '2026-12-01T23:30:00.000Z';

  it('keeps time zones apart', () => {
    expect(formatDateTime(iso, 'en', 'UTC')).toBe('Dec 1, 2026, 11:30 PM');
    expect(formatDateTime(iso, 'en', 'Europe/Berlin')).toBe('Dec 2, 2026, 12:30 AM');
    expect(formatDateTime(iso, 'en', 'UTC')).toBe('Dec 1, 2026, 11:30 PM');
  });

  it('keeps languages and styles apart', () => {
    expect(formatDate(iso, 'en')).toBe('Dec 1, 2026');
    expect(formatDate(iso, 'ar')).not.toBe(formatDate(iso, 'en'));
    expect(formatDateTime(iso, 'en')).not.toBe(formatDate(iso, 'en'));
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
  });

  it('says how long ago in the reader’s language', () => {
    const now = Date.parse(iso) + 2 * 3600_000;
    expect(formatRelative(iso, 'en', now)).toBe('2 hours ago');
    expect(formatRelative(iso, 'ar', now)).not.toBe('2 hours ago');
    expect(formatRelative(iso, 'en', Date.parse(iso))).toBe('now');
  });

  it('joins names per language', () => {
    expect(listFormat('en').format(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(listFormat('ar').format(['A', 'B'])).not.toBe('A and B');
  });

  describe('warm-ups', () => {
    const kinds = ['DateTimeFormat', 'RelativeTimeFormat', 'NumberFormat', 'ListFormat'] as const;
    const real = Object.fromEntries(kinds.map((kind) => [kind, Intl[kind]]));
    afterEach(() => {
      Object.assign(Intl, real);
    });

    /** Counts the formatters built from now on, per kind. */
    function countBuilt(): Record<(typeof kinds)[number], number> {
      const built = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<
        (typeof kinds)[number],
        number
      >;
      for (const kind of kinds) {
        const Real = real[kind] as new (...args: unknown[]) => object;
        Object.assign(Intl, {
          [kind]: function (...args: unknown[]) {
            built[kind] += 1;
            return new Real(...args);
          },
        });
      }
      return built;
    }

    it('build the formatters a feed uses, so formatting it afterwards builds none', () => {
      // A zone and language no other test uses, so nothing is cached yet.
      for (const warmup of formatterWarmups('ar', 'Pacific/Chatham')) {
        warmup();
      }
      const built = countBuilt();
      formatDayMonth(iso, 'ar', 'Pacific/Chatham');
      formatDateTime(iso, 'ar', 'Pacific/Chatham');
      formatRelative(iso, 'ar');
      formatNumber(3, 'ar');
      listFormat('ar').format(['A', 'B']);
      expect(built).toEqual({
        DateTimeFormat: 0,
        RelativeTimeFormat: 0,
        NumberFormat: 0,
        ListFormat: 0,
      });
      // A style no warm-up built is built on first use.
      formatDate(iso, 'ar', 'Pacific/Chatham');
      expect(built.DateTimeFormat).toBe(1);
    });
  });
});
