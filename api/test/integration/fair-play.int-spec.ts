import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

describe('fair play flags', () => {
  // Sessions last 14 days, so the whole story fits in the month's last week.
  const clock = new ManualClock(new Date('2026-07-27T12:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  const give = (giver: string, to: string, points: number) =>
    t.api.call('POST', '/api/v1/kudos', {
      token: org.people[giver].token,
      body: {
        recipientIds: [org.people[to].member.id],
        valueId: org.valueId,
        message: 'Thanks a lot, friend',
        points,
      },
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      timezone: 'UTC',
      people: { ann: {}, bob: {}, cy: {}, di: {}, ed: {}, flo: {} },
    });
  });
  afterAll(() => t.close());

  it('flags a pair trading far above the norm and month-end dumping, without blocking', async () => {
    // the norm: small one-way thanks
    for (const [g, r] of [
      ['cy', 'di'],
      ['di', 'ed'],
      ['ed', 'flo'],
      ['flo', 'cy'],
      ['cy', 'ed'],
    ]) {
      expect((await give(g, r, 2)).status).toBe(201);
    }
    // ann and bob trade heavily with each other
    expect((await give('ann', 'bob', 40)).status).toBe(201);
    expect((await give('bob', 'ann', 35)).status).toBe(201);
    // flo dumps her allowance on the last day of the month
    clock.set('2026-07-31T18:00:00Z');
    expect((await give('flo', 'di', 40)).status).toBe(201);
    expect((await give('flo', 'ed', 40)).status).toBe(201);

    const flags = await t.api.call('GET', '/api/v1/fair-play/flags', { token: org.admin.token });
    expect(flags.status).toBe(200);
    const pair = flags.body.find((f: { kind: string }) => f.kind === 'reciprocal_pair');
    expect(pair.names.sort()).toEqual(['ann', 'bob']);
    expect(pair.points).toBe(75);
    expect(flags.body.filter((f: { kind: string }) => f.kind === 'reciprocal_pair')).toHaveLength(
      1,
    );
    const dump = flags.body.find((f: { kind: string }) => f.kind === 'allowance_dumping');
    expect(dump).toMatchObject({ names: ['flo'], points: 80 });
    expect(
      (await t.api.call('GET', '/api/v1/fair-play/flags', { token: org.people.ann.token })).status,
    ).toBe(403);
  });

  it('archives a used brand value instead of deleting it', async () => {
    expect(
      (await t.api.call('DELETE', `/api/v1/values/${org.valueId}`, { token: org.admin.token }))
        .status,
    ).toBe(204);
    const values = await t.api.call('GET', '/api/v1/values', { token: org.admin.token });
    expect(values.body).toEqual([expect.objectContaining({ id: org.valueId, archived: true })]);
    const feed = await t.api.call('GET', '/api/v1/kudos?limit=1', { token: org.admin.token });
    expect(feed.body.items[0].value.id).toBe(org.valueId);
  });
});
