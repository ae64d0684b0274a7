import fc from 'fast-check';
import { addDays, addMonths, localDate, monthStart, startOfLocalDay, weekStart } from './periods';

describe('periods', () => {
  it('takes the local date in the organisation time zone', () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Dubai and still 31 Jan in New York.
    const instant = new Date('2026-01-31T23:30:00Z');
    expect(localDate(instant, 'Asia/Dubai')).toBe('2026-02-01');
    expect(localDate(instant, 'America/New_York')).toBe('2026-01-31');
    expect(localDate(instant, 'UTC')).toBe('2026-01-31');
  });

  it('finds the start of a local day across DST changes', () => {
    expect(startOfLocalDay('2026-03-01', 'Europe/Paris').toISOString()).toBe(
      '2026-02-28T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-04-01', 'Europe/Paris').toISOString()).toBe(
      '2026-03-31T22:00:00.000Z',
    );
    expect(startOfLocalDay('2026-11-01', 'America/Sao_Paulo').toISOString()).toBe(
      '2026-11-01T03:00:00.000Z',
    );
    expect(startOfLocalDay('2026-06-01', 'Asia/Kolkata').toISOString()).toBe(
      '2026-05-31T18:30:00.000Z',
    );
  });

  it('computes month and ISO-week starts', () => {
    expect(monthStart('2026-02-17')).toBe('2026-02-01');
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  const zones = fc.constantFrom(
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'Asia/Dubai',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Sao_Paulo',
  );
  const instants = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2040-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('property: an instant lies within its local day', () => {
    fc.assert(
      fc.property(instants, zones, (instant, zone) => {
        const day = localDate(instant, zone);
        const start = startOfLocalDay(day, zone);
        const next = startOfLocalDay(addDays(day, 1), zone);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(next.getTime());
        expect(localDate(start, zone)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('property: week starts are Mondays within the last 7 days', () => {
    fc.assert(
      fc.property(instants, zones, (instant, zone) => {
        const day = localDate(instant, zone);
        const monday = weekStart(day);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(monday <= day && addDays(monday, 7) > day).toBe(true);
      }),
    );
  });
});
