import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, pointSums, type OrgFixture } from '../support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../support/test-app';

describe('withdraw, hide, boost, reactions and comments', () => {
  const clock = new ManualClock(new Date('2026-09-10T08:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  const as = (who: string) => ({
    token: who === 'admin' ? org.admin.token : org.people[who].token,
  });
  const give = async (giver: string, to: string[], points: number) =>
    (
      await t.api.call('POST', '/api/v1/kudos', {
        ...as(giver),
        body: {
          recipientIds: to.map((h) => org.people[h].member.id),
          valueId: org.valueId,
          message: 'You made my day!',
          points,
        },
      })
    ).body;
  const earned = async (who: string) =>
    (await t.api.call('GET', `/api/v1/members/${org.people[who].member.id}/profile`, as(who))).body
      .earned.allTime;
  const remaining = async (who: string) =>
    (await t.api.call('GET', '/api/v1/me/allowance', as(who))).body.remaining;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, { people: { sam: {}, lena: {}, omar: {}, zoe: {} } });
  });
  afterAll(() => t.close());

  it('withdraw within 15 minutes refunds the allowance and reverses points (and boosts) exactly', async () => {
    const before = {
      sums: await pointSums(t),
      lena: await earned('lena'),
      sam: await remaining('sam'),
      zoe: await remaining('zoe'),
    };
    const k = await give('sam', ['lena', 'omar'], 10);
    expect(k.withdrawableUntil).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    const boosted = await t.api.call('POST', `/api/v1/kudos/${k.id}/boosts`, {
      ...as('zoe'),
      body: { points: 5 },
    });
    expect(boosted.body.boosts).toEqual([
      expect.objectContaining({ points: 5, booster: expect.objectContaining({ name: 'zoe' }) }),
    ]);
    expect(await earned('lena')).toBe(before.lena + 15);
    expect(await remaining('zoe')).toBe(before.zoe - 10);

    clock.advance(14 * 60_000);
    expect((await t.api.call('DELETE', `/api/v1/kudos/${k.id}`, as('lena'))).status).toBe(403);
    expect((await t.api.call('DELETE', `/api/v1/kudos/${k.id}`, as('sam'))).status).toBe(204);

    expect(await earned('lena')).toBe(before.lena);
    expect(await remaining('sam')).toBe(before.sam);
    expect(await remaining('zoe')).toBe(before.zoe);
    const after = await pointSums(t);
    expect(after.totals).toBe(before.sums.totals);
    expect(after.spent).toBe(before.sums.spent);
    // history is kept: the original entries and their reversals
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE amount < 0`,
    );
    expect(n).toBe(6);
    expect((await t.api.call('GET', `/api/v1/kudos/${k.id}`, as('sam'))).status).toBe(404);
    expect((await verifyLedger(t.db.manager)).ok).toBe(true);
  });

  it('refuses to withdraw after the window', async () => {
    const k = await give('sam', ['lena'], 2);
    clock.advance(15 * 60_000 + 1000);
    const res = await t.api.call('DELETE', `/api/v1/kudos/${k.id}`, as('sam'));
    expect(res).toMatchObject({ status: 409, body: { code: 'withdraw_window_closed' } });
    expect(
      (await t.api.call('GET', `/api/v1/kudos/${k.id}`, as('sam'))).body.withdrawableUntil,
    ).toBeNull();
  });

  it('an admin hides a kudos: points reversed by compensating entries, the allowance stays spent', async () => {
    const k = await give('omar', ['zoe'], 7);
    const spentBefore = await remaining('omar');
    const zoeBefore = await earned('zoe');
    expect((await t.api.call('POST', `/api/v1/kudos/${k.id}/hide`, as('sam'))).status).toBe(403);
    expect((await t.api.call('POST', `/api/v1/kudos/${k.id}/hide`, as('admin'))).status).toBe(204);
    expect(await earned('zoe')).toBe(zoeBefore - 7);
    expect(await remaining('omar')).toBe(spentBefore);
    const [row] = await t.db.query(
      `SELECT hidden_at IS NOT NULL AS hidden FROM kudos WHERE id = $1`,
      [k.id],
    );
    expect(row.hidden).toBe(true);
    const feed = await t.api.call('GET', '/api/v1/kudos', as('zoe'));
    expect(feed.body.items.map((i: { id: string }) => i.id)).not.toContain(k.id);
    expect((await t.api.call('POST', `/api/v1/kudos/${k.id}/hide`, as('admin'))).status).toBe(404);
    expect((await verifyLedger(t.db.manager)).ok).toBe(true);
  });

  it('a recipient cannot boost their own kudos', async () => {
    const k = await give('sam', ['lena'], 1);
    const res = await t.api.call('POST', `/api/v1/kudos/${k.id}/boosts`, {
      ...as('lena'),
      body: { points: 3 },
    });
    expect(res.status).toBe(400);
  });

  it('reactions count once per person and emoji; comments are listed in order', async () => {
    const k = await give('sam', ['omar'], 0);
    await t.api.call('POST', `/api/v1/kudos/${k.id}/reactions`, {
      ...as('lena'),
      body: { emoji: '🎉' },
    });
    await t.api.call('POST', `/api/v1/kudos/${k.id}/reactions`, {
      ...as('lena'),
      body: { emoji: '🎉' },
    });
    const both = await t.api.call('POST', `/api/v1/kudos/${k.id}/reactions`, {
      ...as('zoe'),
      body: { emoji: '🎉' },
    });
    expect(both.body).toEqual([{ emoji: '🎉', count: 2, mine: true }]);
    const removed = await t.api.call('DELETE', `/api/v1/kudos/${k.id}/reactions`, {
      ...as('zoe'),
      body: { emoji: '🎉' },
    });
    expect(removed.body).toEqual([{ emoji: '🎉', count: 1, mine: false }]);
    expect(
      (
        await t.api.call('POST', `/api/v1/kudos/${k.id}/reactions`, {
          ...as('zoe'),
          body: { emoji: 'nope' },
        })
      ).status,
    ).toBe(400);

    await t.api.call('POST', `/api/v1/kudos/${k.id}/comments`, {
      ...as('lena'),
      body: { body: 'So true!' },
    });
    clock.advance(1000);
    await t.api.call('POST', `/api/v1/kudos/${k.id}/comments`, {
      ...as('omar'),
      body: { body: 'Thank you both' },
    });
    const comments = await t.api.call('GET', `/api/v1/kudos/${k.id}/comments`, as('zoe'));
    expect(comments.body.map((c: { body: string }) => c.body)).toEqual([
      'So true!',
      'Thank you both',
    ]);
    const one = await t.api.call('GET', `/api/v1/kudos/${k.id}`, as('zoe'));
    expect(one.body).toMatchObject({ commentCount: 2, reactions: [{ emoji: '🎉', count: 1 }] });
  });
});
