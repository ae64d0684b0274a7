import { describe, expect, it } from 'vitest';
import { scheduleFromForm, ticked } from './display-schedule-form';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  entries.forEach(([name, value]) => data.append(name, value));
  return data;
};

describe('scheduleFromForm', () => {
  it('reads the filled rows with their panels, in order', () => {
    const data = form([
      ['slot0From', '07:00'],
      ['slot0To', '09:00'],
      ['slot0Panels', 'team_leaderboard'],
      ['slot0Panels', 'missions'],
      ['slot1From', ''],
      ['slot1To', ''],
      ['slot2From', '09:00'],
      ['slot2To', '19:00'],
      ['slot2Panels', 'customer_praise'],
    ]);
    expect(scheduleFromForm(data)).toEqual([
      { from: '07:00', to: '09:00', panels: ['team_leaderboard', 'missions'] },
      { from: '09:00', to: '19:00', panels: ['customer_praise'] },
    ]);
  });

  it('drops unknown panels and keeps a half-filled row for the API to refuse', () => {
    const data = form([
      ['slot0From', '07:00'],
      ['slot0Panels', 'nonsense'],
    ]);
    expect(scheduleFromForm(data)).toEqual([{ from: '07:00', to: '', panels: [] }]);
  });

  it('is empty when no row has a time', () => {
    expect(scheduleFromForm(form([['slot0Panels', 'missions']]))).toEqual([]);
  });
});

describe('ticked', () => {
  it('is true only for a ticked checkbox', () => {
    expect(ticked(form([['publicSafe', 'on']]), 'publicSafe')).toBe(true);
    expect(ticked(form([]), 'publicSafe')).toBe(false);
  });
});
