import {
  displayName,
  panelsAt,
  stricterNameStyle,
  type DisplayScheduleSlot,
} from './display-types';

describe('displayName', () => {
  it('shortens names for public screens', () => {
    expect(displayName('Lena Fischer', 'first_name_last_initial')).toBe('Lena F.');
    expect(displayName('Ana María de la Cruz', 'first_name_last_initial')).toBe('Ana C.');
    expect(displayName('Madonna', 'first_name_last_initial')).toBe('Madonna');
    expect(displayName('Lena Fischer', 'first_name')).toBe('Lena');
    expect(displayName('  Lena   Fischer ', 'full_name')).toBe('Lena   Fischer');
  });
});

describe('stricterNameStyle', () => {
  it('keeps the shorter of two styles', () => {
    expect(stricterNameStyle('full_name', 'first_name')).toBe('first_name');
    expect(stricterNameStyle('first_name_last_initial', 'full_name')).toBe(
      'first_name_last_initial',
    );
  });
});

describe('panelsAt', () => {
  const schedule: DisplayScheduleSlot[] = [
    { from: '07:00', to: '09:30', panels: ['team_leaderboard', 'missions'] },
    { from: '09:30', to: '19:00', panels: ['customer_praise'] },
    // Past midnight: the night crew's board.
    { from: '22:00', to: '02:00', panels: ['fresh_kudos'] },
  ];
  const display = { panels: ['store_ranking' as const], schedule };
  // Lisbon is on UTC in December; Tokyo is 9 hours ahead.
  const at = (iso: string, zone = 'Europe/Lisbon') => panelsAt(display, zone, new Date(iso));

  it('switches exactly at a boundary: from is inclusive, to exclusive', () => {
    expect(at('2026-12-10T09:29:59Z')).toEqual(['team_leaderboard', 'missions']);
    expect(at('2026-12-10T09:30:00Z')).toEqual(['customer_praise']);
    expect(at('2026-12-10T18:59:00Z')).toEqual(['customer_praise']);
    expect(at('2026-12-10T19:00:00Z')).toEqual(['store_ranking']);
  });

  it('runs a slot past midnight and falls back to the screen’s own panels outside every slot', () => {
    expect(at('2026-12-10T23:15:00Z')).toEqual(['fresh_kudos']);
    expect(at('2026-12-11T01:59:00Z')).toEqual(['fresh_kudos']);
    expect(at('2026-12-11T02:00:00Z')).toEqual(['store_ranking']);
    expect(at('2026-12-10T06:59:00Z')).toEqual(['store_ranking']);
  });

  it('reads the hours in the organisation’s time zone', () => {
    // 00:30 UTC is 09:30 in Tokyo.
    expect(at('2026-12-10T00:30:00Z', 'Asia/Tokyo')).toEqual(['customer_praise']);
  });
});
