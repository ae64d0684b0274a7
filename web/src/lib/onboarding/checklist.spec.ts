import { describe, expect, it } from 'vitest';
import { openChecklist } from './checklist';

const none = { values: false, team: false, colleagues: false, screen: false, kudos: false };

describe('openChecklist', () => {
  it('lists every step in order with where it is done', () => {
    const steps = openChecklist({ ...none, team: true });
    expect(steps?.map((s) => [s.step, s.done])).toEqual([
      ['values', false],
      ['team', true],
      ['colleagues', false],
      ['screen', false],
      ['kudos', false],
    ]);
    expect(steps?.[3].href).toBe('/admin/displays');
  });

  it('disappears once everything is done', () => {
    expect(
      openChecklist({ values: true, team: true, colleagues: true, screen: true, kudos: true }),
    ).toBeNull();
  });
});
