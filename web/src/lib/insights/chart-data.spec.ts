import { describe, expect, it } from 'vitest';
import {
  barChart,
  csvHref,
  isEmpty,
  mondayOf,
  participationChart,
  peaks,
  percent,
  valueTrendChart,
  weeksBetween,
} from './chart-data';

const week = (periodStart: string, givers: number, receivers: number, activeMembers = 4) => ({
  periodStart,
  activeMembers,
  givers,
  receivers,
  giverShare: givers / activeMembers,
  receiverShare: receivers / activeMembers,
});

describe('insights chart data', () => {
  it('rounds shares to percentages with one decimal', () => {
    expect(percent(1 / 3)).toBe(33.3);
    expect(percent(0.5)).toBe(50);
    expect(percent(0)).toBe(0);
  });

  it('finds Mondays, across a month and a year end', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07'); // the Sunday after
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weeksBetween('2026-12-24', '2027-01-05')).toEqual([
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
    ]);
  });

  it('draws participation as two percentage lines', () => {
    const chart = participationChart([week('2026-11-30', 1, 2), week('2026-12-07', 4, 3)], {
      gave: 'Gave',
      received: 'Received',
    });
    expect(chart.labels).toEqual(['2026-11-30', '2026-12-07']);
    expect(chart.series.map((s) => [s.label, s.data])).toEqual([
      ['Gave', [25, 100]],
      ['Received', [50, 75]],
    ]);
  });

  it('fills the weeks a value had no kudos with zero, one line per value in its colour', () => {
    const values = [
      { valueId: 'a', name: 'Warm welcome', emoji: null, color: '#f00', kudos: 3, points: 30 },
      { valueId: 'b', name: 'Craft', emoji: '☕', color: '#0f0', kudos: 1, points: 5 },
    ];
    const weeks = [
      { weekStart: '2026-11-23', valueId: 'a', kudos: 2, points: 20 },
      { weekStart: '2026-12-07', valueId: 'a', kudos: 1, points: 10 },
      { weekStart: '2026-12-07', valueId: 'b', kudos: 1, points: 5 },
      // Outside the range or of an unknown value: ignored rather than misplaced.
      { weekStart: '2026-01-05', valueId: 'a', kudos: 9, points: 90 },
      { weekStart: '2026-12-07', valueId: 'zz', kudos: 9, points: 90 },
    ];
    const chart = valueTrendChart(values, weeks, { from: '2026-11-25', to: '2026-12-08' });
    expect(chart.labels).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(chart.series).toEqual([
      { label: 'Warm welcome', color: '#f00', data: [2, 0, 1] },
      { label: 'Craft', color: '#0f0', data: [0, 0, 1] },
    ]);
  });

  it('builds bars per item, knows an all-zero chart is empty and names each peak', () => {
    const teams = [
      { name: 'Counter', pointsPerFte: 12.5 },
      { name: 'Bakery', pointsPerFte: 40 },
    ];
    const chart = barChart(teams, (t) => t.name, [
      { label: 'Points per FTE', value: (t) => t.pointsPerFte, color: '#123' },
    ]);
    expect(chart).toEqual({
      labels: ['Counter', 'Bakery'],
      series: [{ label: 'Points per FTE', color: '#123', data: [12.5, 40] }],
    });
    expect(isEmpty(chart)).toBe(false);
    expect(peaks(chart)).toEqual([{ series: 'Points per FTE', label: 'Bakery', value: 40 }]);
    expect(isEmpty(barChart([], () => '', [{ label: 'x', value: () => 1, color: '#000' }]))).toBe(
      true,
    );
    expect(isEmpty({ labels: ['a'], series: [{ label: 'x', data: [0], color: '#000' }] })).toBe(
      true,
    );
  });

  it('links a CSV with the page filters, leaving the empty ones out', () => {
    expect(csvHref('top-givers', { from: '2026-09-01', to: '', teamId: null })).toBe(
      '/insights/top-givers.csv?from=2026-09-01',
    );
    expect(csvHref('values', {})).toBe('/insights/values.csv');
  });
});
