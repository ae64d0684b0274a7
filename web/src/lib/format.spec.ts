import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRelative, listParts } from './format';
import { endSeed, startRecording, takeRecording, useSeed } from './hydration/format-seed';
import { translate } from './i18n/translate';

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
    const text = (parts: { value: string }[]) => parts.map((part) => part.value).join('');
    expect(text(listParts('en', ['A', 'B', 'C']))).toBe('A, B, and C');
    expect(listParts('en', ['A', 'B']).map((part) => part.type)).toEqual([
      'element',
      'literal',
      'element',
    ]);
    expect(text(listParts('ar', ['A', 'B']))).not.toBe('A and B');
  });

  describe('the server’s strings while hydrating', () => {
    const kinds = ['DateTimeFormat', 'RelativeTimeFormat', 'NumberFormat', 'ListFormat'] as const;
    const real = Object.fromEntries(kinds.map((kind) => [kind, Intl[kind]]));
    afterEach(() => {
      Object.assign(Intl, real);
      endSeed();
    });

    /** From now on, building a formatter of these kinds fails the test. */
    function forbidFormatters(): void {
      for (const kind of kinds) {
        Object.assign(Intl, {
          [kind]: function () {
            throw new Error(`built an Intl.${kind}`);
          },
        });
      }
    }

    // A zone and language no other test uses, so no formatter is cached for them yet.
    const format = (now: number) => [
      formatDateTime(iso, 'ar', 'Pacific/Chatham'),
      formatRelative(iso, 'ar', now),
      formatNumber(12.5, 'ar'),
      listParts('ar', ['x', 'y'])
        .map((part) => part.value)
        .join(''),
    ];

    it('answers what the server formatted without building a formatter, the rest as usual', () => {
      const now = Date.parse(iso) + 3 * 3600_000;
      startRecording();
      const onServer = format(now);
      const seed = takeRecording();
      expect(seed).not.toContain('<');

      useSeed(seed);
      forbidFormatters();
      expect(format(now + 60_000)).toEqual(onServer);
      // Not on the server's page: formatted for real.
      expect(() => formatDate(iso, 'ar', 'Pacific/Chatham')).toThrow(
        'built an Intl.DateTimeFormat',
      );
    });

    it('prefers the server’s strings until hydration ends', () => {
      const now = Date.parse(iso) + 3 * 3600_000;
      startRecording();
      const real = format(now);
      const seed = JSON.parse(takeRecording()) as Record<string, string>;
      // (A list's seed is its parts as JSON: left as it is.)
      const marked = Object.fromEntries(
        Object.entries(seed).map(([key, v]) => [key, key.startsWith('list|') ? v : `server:${v}`]),
      );

      useSeed(JSON.stringify(marked));
      expect(format(now).slice(0, 3)).toEqual(real.slice(0, 3).map((value) => `server:${value}`));
      endSeed();
      expect(format(now)).toEqual(real);
    });

    it('serves messages with values the same way, and ignores a seed it cannot read', () => {
      startRecording();
      const message = translate('en', 'kudos.card.comments', { values: { count: 3 } });
      useSeed(takeRecording());
      expect(translate('en', 'kudos.card.comments', { values: { count: 3 } })).toBe(message);

      // A page whose seed is garbled still formats, for real.
      useSeed('{not json');
      expect(translate('en', 'kudos.card.comments', { values: { count: 3 } })).toBe(message);
    });
  });
});
