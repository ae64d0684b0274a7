import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, pointSums, type OrgFixture } from '../support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../support/test-app';

describe('giving kudos', () => {
  const clock = new ManualClock(new Date('2026-05-12T10:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  const kudos = (giver: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.api.call('POST', '/api/v1/kudos', { token: org.people[giver].token, body, headers });
  const give = (giver: string, to: string[], points: number, extra: Record<string, unknown> = {}) =>
    kudos(giver, {
      recipientIds: to.map((h) => org.people[h].member.id),
      valueId: org.valueId,
      message: 'Thanks for the help today!',
      points,
      ...extra,
    });
  const allowance = async (who: string) =>
    (await t.api.call('GET', '/api/v1/me/allowance', { token: org.people[who].token })).body;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: { sam: {}, lena: {}, omar: { team: 1 }, boss: { role: 'manager' }, ghost: {} },
    });
    await t.api.call('PATCH', `/api/v1/members/${org.people.ghost.member.id}`, {
      token: org.admin.token,
      body: { active: false },
    });
  });
  afterAll(() => t.close());

  it('debits the allowance, credits each recipient and shows in the feed', async () => {
    const res = await give('sam', ['lena', 'omar'], 10);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      points: 10,
      message: 'Thanks for the help today!',
      giver: { name: 'sam' },
    });
    expect(res.body.recipients.map((r: { name: string }) => r.name).sort()).toEqual([
      'lena',
      'omar',
    ]);
    expect(await allowance('sam')).toMatchObject({
      total: 100,
      spent: 20,
      remaining: 80,
      resetsAt: '2026-05-31T23:00:00.000Z',
    });
    const feed = await t.api.call('GET', '/api/v1/kudos', { token: org.people.lena.token });
    expect(feed.body.items[0].id).toBe(res.body.id);
    const profile = await t.api.call(
      'GET',
      `/api/v1/members/${org.people.lena.member.id}/profile`,
      { token: org.people.lena.token },
    );
    expect(profile.body.earned).toEqual({ thisMonth: 10, allTime: 10 });
    expect(profile.body.byValue).toEqual([
      expect.objectContaining({ name: 'Own It', kudos: 1, points: 10 }),
    ]);
    expect((await verifyLedger(t.db.manager)).ok).toBe(true);
  });

  it('managers get the larger allowance', async () => {
    expect((await allowance('boss')).total).toBe(200);
  });

  it('replays an Idempotency-Key without awarding twice', async () => {
    const before = await allowance('omar');
    const headers = { 'idempotency-key': 'kudos-omar-1' };
    const first = await give('omar', ['sam'], 5, {});
    expect(first.status).toBe(201);
    const a = await kudos(
      'omar',
      {
        recipientIds: [org.people.sam.member.id],
        valueId: org.valueId,
        message: 'Once and only once',
        points: 3,
      },
      headers,
    );
    const b = await kudos(
      'omar',
      {
        recipientIds: [org.people.sam.member.id],
        valueId: org.valueId,
        message: 'Once and only once',
        points: 3,
      },
      headers,
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect((await allowance('omar')).spent).toBe(before.spent + 5 + 3);
    const reused = await kudos(
      'omar',
      {
        recipientIds: [org.people.sam.member.id],
        valueId: org.valueId,
        message: 'A different body now',
        points: 3,
      },
      headers,
    );
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
  });

  describe('rejects with a clear 4xx and changes nothing', () => {
    const cases: [
      string,
      () => Promise<{ status: number; body: { code: string; message: string } }>,
      number,
      RegExp,
    ][] = [
      ['self in recipients', () => give('sam', ['sam'], 5), 400, /yourself/],
      ['an inactive recipient', () => give('sam', ['ghost'], 5), 400, /active colleague/],
      [
        'a foreign recipient',
        () =>
          kudos('sam', {
            recipientIds: ['00000000-0000-4000-8000-000000000001'],
            valueId: org.valueId,
            message: 'Hello there friend',
            points: 5,
          }),
        400,
        /active colleague/,
      ],
      [
        'a foreign value',
        () => give('sam', ['lena'], 5, { valueId: '00000000-0000-4000-8000-000000000002' }),
        400,
        /brand value/,
      ],
      ['points out of range', () => give('sam', ['lena'], 51), 400, /between 0 and 50/],
      ['negative points', () => give('sam', ['lena'], -1), 400, /negative/],
      ['a short message', () => give('sam', ['lena'], 5, { message: 'thx' }), 400, /at least 10/],
      ['an unknown field', () => give('sam', ['lena'], 5, { bonus: 1 }), 400, /bonus/],
      [
        'too small an allowance',
        () => give('sam', ['lena', 'omar', 'boss'], 30),
        422,
        /needs 90 points and you have 80 left/,
      ],
      [
        'the 40% cap per recipient',
        () => give('sam', ['lena'], 35),
        422,
        /40%.*lena has had 10 from you this month, so 30 more at most/,
      ],
    ];
    it.each(cases)('%s', async (_, send, status, message) => {
      const before = {
        sums: await pointSums(t),
        kudos: (await t.db.query('SELECT count(*)::int AS n FROM kudos'))[0].n,
      };
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.message).toMatch(message);
      expect(await pointSums(t)).toEqual(before.sums);
      expect((await t.db.query('SELECT count(*)::int AS n FROM kudos'))[0].n).toBe(before.kudos);
    });

    it('an archived value', async () => {
      const value = await t.api.call('POST', '/api/v1/values', {
        token: org.admin.token,
        body: { name: 'Old Value', hashtag: 'Old' },
      });
      await t.api.call('PATCH', `/api/v1/values/${value.body.id}`, {
        token: org.admin.token,
        body: { archived: true },
      });
      const res = await give('sam', ['lena'], 1, { valueId: value.body.id });
      expect(res).toMatchObject({ status: 400, body: { details: [{ field: 'valueId' }] } });
    });
  });

  it('enforces the daily limit of kudos per giver', async () => {
    await t.api.call('PATCH', '/api/v1/organization', {
      token: org.admin.token,
      body: { rules: { maxKudosPerDay: 3 } },
    });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await give('boss', ['sam'], 0)).status).toBe(201);
      }
      const fourth = await give('boss', ['sam'], 0);
      expect(fourth).toMatchObject({ status: 422, body: { code: 'daily_limit_reached' } });
      clock.advance(86_400_000);
      expect((await give('boss', ['sam'], 0)).status).toBe(201);
    } finally {
      await t.api.call('PATCH', '/api/v1/organization', {
        token: org.admin.token,
        body: { rules: { maxKudosPerDay: 20 } },
      });
    }
  });

  it('keeps the ledger and the totals in agreement', async () => {
    const sums = await pointSums(t);
    expect(sums.ledger).toBe(sums.totals);
    expect(sums.given).toBe(sums.spent);
    expect(
      (await t.api.call('GET', '/api/v1/points/verify', { token: org.admin.token })).body,
    ).toMatchObject({ ok: true, drift: [] });
  });

  it('answers with the kudos exactly as reading it back shows it (built without a read-back)', async () => {
    const res = await give('omar', ['sam', 'lena', 'boss'], 2);
    expect(res.status).toBe(201);
    const read = await t.api.call('GET', `/api/v1/kudos/${res.body.id}`, {
      token: org.people.omar.token,
    });
    expect(res.body).toEqual(read.body);
    expect(res.body.withdrawableUntil).not.toBeNull();
    expect(res.body.recipients.map((r: { name: string }) => r.name)).toEqual([
      'boss',
      'lena',
      'sam',
    ]);
    const feed = await t.api.call('GET', '/api/v1/kudos', { token: org.people.omar.token });
    expect(feed.body.items.find((k: { id: string }) => k.id === res.body.id)).toEqual(read.body);
  });
});
