import { describe, expect, it } from 'vitest';
import { badgeBonus, badgeFormValues, badgeRule, windowChoices } from './badge-form';

describe('the badge editor’s form', () => {
  it('reads a rule, naming a value only for the per-value metric', () => {
    expect(
      badgeRule({ metric: 'kudos_given', threshold: ' 5 ', window: 'month', valueId: 'v1' }),
    ).toEqual({
      rule: { metric: 'kudos_given', threshold: 5, window: 'month', valueId: null },
      problems: {},
    });
    expect(
      badgeRule({
        metric: 'kudos_received_for_value',
        threshold: '3',
        window: 'all_time',
        valueId: 'v1',
      }).rule.valueId,
    ).toBe('v1');
  });

  it('names a threshold or a bonus that is not a whole number', () => {
    expect(badgeRule({ metric: 'kudos_given', threshold: '2.5', window: 'week' }).problems).toEqual(
      { threshold: [{ code: 'not_whole_number', params: {} }] },
    );
    expect(badgeBonus('')).toEqual({ bonus: 0, ok: true });
    expect(badgeBonus('10')).toEqual({ bonus: 10, ok: true });
    expect(badgeBonus('-1').ok).toBe(false);
  });

  it('shows a saved badge in the fields, and reads them back as the same rule', () => {
    const values = badgeFormValues({
      id: 'b1',
      name: 'Value Champion',
      icon: 'medal',
      imageId: null,
      description: '',
      bonusPoints: 10,
      metric: 'kudos_received_for_value',
      threshold: 5,
      window: 'month',
      valueId: 'v1',
      active: true,
      createdAt: '2026-04-01T00:00:00Z',
      updatedAt: '2026-04-01T00:00:00Z',
    });
    expect(values).toMatchObject({ threshold: '5', bonusPoints: '10', valueId: 'v1' });
    expect(badgeRule(values)).toEqual({
      rule: { metric: 'kudos_received_for_value', threshold: 5, window: 'month', valueId: 'v1' },
      problems: {},
    });
    expect(badgeBonus(values.bonusPoints)).toEqual({ bonus: 10, ok: true });
  });

  it('offers only the windows a metric allows, keeping the wanted one when it is allowed', () => {
    expect(windowChoices('kudos_given', 'week')).toEqual({
      windows: ['week', 'month', 'all_time'],
      selected: 'week',
    });
    expect(windowChoices('months_all_missions_completed', 'week')).toEqual({
      windows: ['month', 'all_time'],
      selected: 'all_time',
    });
    expect(windowChoices('months_all_missions_completed', 'month').selected).toBe('month');
    expect(windowChoices('weekly_giving_streak', 'month')).toEqual({
      windows: ['all_time'],
      selected: 'all_time',
    });
    expect(windowChoices('unheard_of', undefined).selected).toBe('all_time');
  });
});
