import type { CreatedDisplayDto, DisplayStateDto } from '@bravo/shared';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

describe('a screen’s schedule switches panels at its boundaries (injected clock)', () => {
  let t: TestApp;
  let org: OrgFixture;
  // Lisbon keeps UTC in December: the organisation's 09:00 is 09:00Z.
  const clock = new ManualClock(new Date('2026-12-10T08:59:00Z'));
  const create = (body: Record<string, unknown>) =>
    t.api.call<CreatedDisplayDto>('POST', '/api/v1/displays', {
      token: org.admin.token,
      body: { name: 'Shop floor', scope: 'organization', ...body },
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, { timezone: 'Europe/Lisbon', people: { ana: {} } });
  });
  afterAll(() => t.close());

  it('shows the staff panels before opening and the customers’ words while the shop is open', async () => {
    const created = await create({
      panels: ['team_leaderboard', 'missions'],
      schedule: [{ from: '09:00', to: '19:00', panels: ['customer_praise', 'store_ranking'] }],
    });
    expect(created.status).toBe(201);
    const panelsNow = async () =>
      (
        await t.api.call<DisplayStateDto>('GET', '/api/v1/display/state', {
          headers: { authorization: `Display ${created.body.token}` },
        })
      ).body.panelsNow;

    expect(await panelsNow()).toEqual(['team_leaderboard', 'missions']);
    clock.set('2026-12-10T09:00:00Z');
    expect(await panelsNow()).toEqual(['customer_praise', 'store_ranking']);
    clock.set('2026-12-10T18:59:59Z');
    expect(await panelsNow()).toEqual(['customer_praise', 'store_ranking']);
    clock.set('2026-12-10T19:00:00Z');
    expect(await panelsNow()).toEqual(['team_leaderboard', 'missions']);
  });

  it('refuses a bad schedule with a readable message and keeps the screen as it was', async () => {
    const created = await create({});
    const before = created.body.schedule;
    const patch = (schedule: unknown) =>
      t.api.call<{ message: string }>('PATCH', `/api/v1/displays/${created.body.id}`, {
        token: org.admin.token,
        body: { schedule },
      });
    const slot = { from: '09:00', to: '17:00', panels: ['missions'] };
    for (const bad of [
      [{ ...slot, from: '9am' }],
      [{ ...slot, to: '09:00' }],
      [{ ...slot, panels: [] }],
      [{ ...slot, panels: ['sports'] }],
      Array.from({ length: 7 }, () => slot),
      'always',
    ]) {
      const res = await patch(bad);
      expect(res.status).toBe(400);
      expect(typeof res.body.message).toBe('string');
    }
    const list = await t.api.call<{ id: string; schedule: unknown }[]>('GET', '/api/v1/displays', {
      token: org.admin.token,
    });
    expect(list.body.find((d) => d.id === created.body.id)?.schedule).toEqual(before);
  });
});
