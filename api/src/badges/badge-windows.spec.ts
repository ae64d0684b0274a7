import { evaluationDays } from './badge-windows';

describe('evaluationDays', () => {
  it('evaluates today only while the changes fell in the current window (or the clock went back)', () => {
    expect(evaluationDays('month', '2026-06-03', '2026-06-30')).toEqual(['2026-06-30']);
    expect(evaluationDays('week', '2026-06-29', '2026-07-05')).toEqual(['2026-07-05']);
    expect(evaluationDays('all_time', '2026-06-30', '2026-07-01')).toEqual(['2026-07-01']);
    expect(evaluationDays('month', '2026-07-01', '2026-06-30')).toEqual(['2026-06-30']);
  });

  it('adds the last day of an ended window the changes fell in', () => {
    expect(evaluationDays('month', '2026-06-30', '2026-07-01')).toEqual([
      '2026-06-30',
      '2026-07-01',
    ]);
    expect(evaluationDays('month', '2024-02-10', '2024-03-01')).toEqual([
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(evaluationDays('month', '2026-12-31', '2027-01-01')).toEqual([
      '2026-12-31',
      '2027-01-01',
    ]);
    // Sunday 5 July ends the week that began on Monday 29 June.
    expect(evaluationDays('week', '2026-07-01', '2026-07-06')).toEqual([
      '2026-07-05',
      '2026-07-06',
    ]);
  });
});
