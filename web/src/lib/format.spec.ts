import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRelative, listFormat } from './format';

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
});
