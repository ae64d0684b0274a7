import type { SessionDto } from '@bravo/shared';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

/**
 * A fixed, hand-built story in Asia/Dubai (UTC+4), so local dates differ from UTC ones:
 *
 *   K1 06-24 ann → bob 10 (Own It)       K4 06-29 di → sara 8 (Own It; 06-28 21:00 UTC)
 *   K2 06-24 bob → cy, di 5 each (Own It) K5 07-01 ann → cy 6 (Care; 06-30 21:00 UTC)
 *   K3 06-26 cy → ann 20 (Care)          K6 07-03 mgrA → ann 4 (Own It)
 *
 * Store A: mgrA (manages it), ann, bob, quote (a name with a comma and quotes), eve ("=Eve").
 * Store B: cy, di (half time), sara (Arabic name). The admin has no team. 9 active members.
 */
describe('analytics', () => {
  const clock = new ManualClock(new Date('2026-06-24T10:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  let careId: string;
  const QUOTE = 'Sam "Rocky" Lee, Jr';
  const EVE = '=Eve';
  const SARA = 'سارة العلي';
  const people: Record<string, SessionDto> = {};
  const id = (handle: string) => people[handle].member.id;
  const range = 'from=2026-06-22&to=2026-07-30';

  const give = async (giver: string, to: string[], points: number, valueId = org.valueId) => {
    const res = await t.api.call('POST', '/api/v1/kudos', {
      token: people[giver].token,
      body: { recipientIds: to.map(id), valueId, message: 'Thanks a lot, friend', points },
    });
    expect(res.status).toBe(201);
  };
  const get = (who: string, path: string) =>
    t.api.call('GET', `/api/v1/analytics/${path}`, { token: people[who].token });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      timezone: 'Asia/Dubai',
      teams: ['Store A', 'Store B'],
      rules: {
        allowanceEmployee: 1000,
        allowanceManager: 1000,
        maxShareToOneRecipientPercent: 100,
      },
      people: {
        mgrA: { role: 'manager', team: 0, manages: [0] },
        ann: { team: 0 },
        bob: { team: 0 },
        cy: { team: 1 },
        di: { team: 1 },
      },
    });
    Object.assign(people, org.people, { admin: org.admin });
    const add = async (handle: string, name: string, team: number) => {
      people[handle] = await t.api.addMember(
        org.admin.token,
        {
          email: `${handle}-${Date.now()}@example.com`,
          name,
          role: 'employee',
          teamId: org.teams[team].id,
        },
        'fixture-password',
      );
    };
    await add('quote', QUOTE, 0);
    await add('eve', EVE, 0);
    await add('sara', SARA, 1);
    const half = await t.api.call('PATCH', `/api/v1/members/${id('di')}`, {
      token: org.admin.token,
      body: { partTimeFactor: 0.5 },
    });
    expect(half.status).toBe(200);
    careId = (
      await t.api.ok('POST', '/api/v1/values', {
        token: org.admin.token,
        body: { name: 'Care', hashtag: 'Care' },
      })
    ).id;

    other = await orgFixture(t, { people: { xeno: {}, yuri: {} } });
    await t.api.ok('POST', '/api/v1/kudos', {
      token: other.people.xeno.token,
      body: {
        recipientIds: [other.people.yuri.member.id],
        valueId: other.valueId,
        message: 'Other org thanks',
        points: 30,
      },
    });

    await give('ann', ['bob'], 10);
    await give('bob', ['cy', 'di'], 5);
    clock.set('2026-06-26T09:00:00Z');
    await give('cy', ['ann'], 20, careId);

    // A mission for Store A this month: ann's evidence approved, bob's left pending.
    const mission = await t.api.ok('POST', '/api/v1/missions', {
      token: people.mgrA.token,
      body: {
        title: 'Dress the window',
        points: 10,
        teamIds: [org.teams[0].id],
        kind: 'evidence',
        evidence: 'text',
      },
    });
    await t.api.ok('POST', `/api/v1/missions/${mission.id}/publish`, { token: people.mgrA.token });
    const sent = await t.api.ok('POST', `/api/v1/missions/${mission.id}/submissions`, {
      token: people.ann.token,
      body: { text: 'Dressed the window with the summer range.' },
    });
    await t.api.ok('POST', `/api/v1/missions/${mission.id}/submissions`, {
      token: people.bob.token,
      body: { text: 'Half of the window is done.' },
    });
    await t.api.ok('POST', `/api/v1/mission-submissions/${sent.id}/approve`, {
      token: people.mgrA.token,
    });

    // Customer praise for Store A (bob records it, mgrA reviews): two in store (rated 5 and 2), one by phone unrated; one rejected.
    const praise = async (channel: string, rating: number | null, approve = true) => {
      const p = await t.api.ok('POST', '/api/v1/praise', {
        token: people.bob.token,
        body: {
          teamId: org.teams[0].id,
          memberIds: [id('ann')],
          text: `Lovely service ${channel} ${rating} ${Math.random()}`,
          rating,
          channel,
        },
      });
      const path = `/api/v1/praise/${p.id}/${approve ? 'approve' : 'reject'}`;
      const body = approve ? { valueId: careId } : { reason: 'Not about us' };
      await t.api.ok('POST', path, { token: people.mgrA.token, body });
    };
    await praise('in_store', 5);
    await praise('in_store', 2);
    await praise('phone', null);
    await praise('in_store', 1, false);

    clock.set('2026-06-28T21:00:00Z');
    await give('di', ['sara'], 8);
    clock.set('2026-06-30T21:00:00Z');
    await give('ann', ['cy'], 6, careId);
    clock.set('2026-07-03T08:00:00Z');
    await give('mgrA', ['ann'], 4);

    // Badges are awarded after the fact: wait for every giver's "First Bravo" and ann's three
    // (her mission, her praise, and every June mission done: "Brand Ambassador").
    await until(
      async () => {
        const [row] = await t.db.query(
          'SELECT count(*)::int AS n FROM badge_awards WHERE member_id = ANY($1::uuid[])',
          [Object.values(people).map((p) => p.member.id)],
        );
        return row.n >= 8;
      },
      60_000,
      'the badges to be awarded',
    );
    // A year's worth of setup through the API: slow on a loaded machine, so a longer bound.
  }, 120_000);
  afterAll(() => t.close());

  it('participation: who gave and who received, per local week and month', async () => {
    const res = await get('admin', `participation?${range}`);
    expect(res.status).toBe(200);
    expect(res.body.range).toEqual({
      from: '2026-06-22',
      to: '2026-07-30',
      teamId: null,
      timezone: 'Asia/Dubai',
    });
    const week = (start: string, givers: number, receivers: number) => ({
      periodStart: start,
      activeMembers: 9,
      givers,
      receivers,
      giverShare: Math.round((givers / 9) * 10000) / 10000,
      receiverShare: Math.round((receivers / 9) * 10000) / 10000,
    });
    expect(res.body.weeks).toEqual([
      week('2026-06-22', 3, 4),
      week('2026-06-29', 3, 3),
      week('2026-07-06', 0, 0),
      week('2026-07-13', 0, 0),
      week('2026-07-20', 0, 0),
      week('2026-07-27', 0, 0),
    ]);
    expect(res.body.months).toEqual([week('2026-06-01', 4, 5), week('2026-07-01', 2, 2)]);
  });

  it('values: counts and points per brand value, and the weekly trend', async () => {
    const res = await get('admin', `values?${range}`);
    expect(res.status).toBe(200);
    expect(
      res.body.values.map((v: object) => ({ ...v, color: undefined, emoji: undefined })),
    ).toEqual([
      { valueId: org.valueId, name: 'Own It', kudos: 4, points: 32 },
      { valueId: careId, name: 'Care', kudos: 2, points: 26 },
    ]);
    const weeks = [...res.body.weeks].sort(
      (a, b) => a.weekStart.localeCompare(b.weekStart) || b.kudos - a.kudos || b.points - a.points,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-06-22', valueId: org.valueId, kudos: 2, points: 20 },
      { weekStart: '2026-06-22', valueId: careId, kudos: 1, points: 20 },
      { weekStart: '2026-06-29', valueId: org.valueId, kudos: 2, points: 12 },
      { weekStart: '2026-06-29', valueId: careId, kudos: 1, points: 6 },
    ]);
  });

  it('fairness: the 30-day list, the top 10% share, the Gini and points per FTE', async () => {
    const res = await get('admin', `fairness?${range}`);
    expect(res.status).toBe(200);
    expect(res.body.notRecognisedSince).toBe('2026-07-01');
    const list = res.body.notRecognised.map(
      (m: { memberId: string; teamName: string | null; lastRecognisedOn: string | null }) => [
        m.teamName,
        m.memberId,
        m.lastRecognisedOn,
      ],
    );
    const byTeam = (team: string | null) =>
      list
        .filter((r: unknown[]) => r[0] === team)
        .map((r: unknown[]) => r.slice(1))
        .sort();
    expect(byTeam('Store A')).toEqual(
      [
        [id('mgrA'), null],
        [id('bob'), '2026-06-24'],
        [id('quote'), null],
        [id('eve'), null],
      ].sort(),
    );
    expect(byTeam('Store B')).toEqual(
      [
        [id('di'), '2026-06-24'],
        [id('sara'), '2026-06-29'],
      ].sort(),
    );
    expect(byTeam(null)).toEqual([[id('admin'), null]]);
    expect(list).toHaveLength(7);
    // Teams first (by name), the admin without a team last.
    expect(list.map((r: unknown[]) => r[0])).toEqual([
      ...Array(4).fill('Store A'),
      ...Array(2).fill('Store B'),
      null,
    ]);

    // Points received: ann 24, cy 11, bob 10, sara 8, di 5, four members 0 (total 58, n 9).
    // Top 10% = ceil(0.9) = 1 member: 24/58. Gini = 2·Σ i·x₍ᵢ₎/(n·Σx) − (n+1)/n
    //   = 2·(5·5 + 6·8 + 7·10 + 8·11 + 9·24)/(9·58) − 10/9 = 894/522 − 10/9 ≈ 0.6015.
    expect(res.body.concentration).toEqual({
      members: 9,
      totalPoints: 58,
      topMembers: 1,
      topShare: 0.4138,
      gini: 0.6015,
    });
    // Store B: 24 points over 2.5 FTE (di is half time) beats Store A's 34 over 5.
    expect(res.body.teams).toEqual([
      {
        teamId: org.teams[1].id,
        teamName: 'Store B',
        members: 3,
        fte: 2.5,
        points: 24,
        pointsPerFte: 9.6,
      },
      {
        teamId: org.teams[0].id,
        teamName: 'Store A',
        members: 5,
        fte: 5,
        points: 34,
        pointsPerFte: 6.8,
      },
    ]);
  });

  it('top givers, mission completion, praise and badges', async () => {
    const givers = await get('admin', `top-givers?${range}`);
    expect(
      givers.body.givers.map(
        (g: { memberId: string; kudos: number; points: number; colleagues: number }) => [
          g.memberId,
          g.kudos,
          g.points,
          g.colleagues,
        ],
      ),
    ).toEqual([
      [id('ann'), 2, 16, 2],
      [id('cy'), 1, 20, 1],
      [id('bob'), 1, 10, 2],
      [id('di'), 1, 8, 1],
      [id('mgrA'), 1, 4, 1],
    ]);

    const missions = await get('admin', `missions?${range}`);
    expect(missions.body.missions).toEqual([
      {
        missionId: expect.any(String),
        title: 'Dress the window',
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        teamId: org.teams[0].id,
        teamName: 'Store A',
        members: 5,
        completers: 1,
        completionRate: 0.2,
      },
    ]);

    const praise = await get('admin', `praise?${range}`);
    expect(praise.body.praise).toEqual([
      {
        teamId: org.teams[0].id,
        teamName: 'Store A',
        channel: 'in_store',
        stories: 2,
        rated: 2,
        averageRating: 3.5,
      },
      {
        teamId: org.teams[0].id,
        teamName: 'Store A',
        channel: 'phone',
        stories: 1,
        rated: 0,
        averageRating: null,
      },
    ]);

    const badges = await get('admin', `badges?${range}`);
    const byName = Object.fromEntries(
      badges.body.badges.map((b: { name: string; awards: number; members: number }) => [
        b.name,
        [b.awards, b.members],
      ]),
    );
    expect(byName).toEqual({
      'First Bravo': [5, 5],
      'Mission Accomplished': [1, 1],
      'Customer Hero': [1, 1],
      'Brand Ambassador': [1, 1],
    });
  });

  it('a manager sees only their teams; another team is 403; employees are 403', async () => {
    const part = await get('mgrA', `participation?${range}`);
    expect(part.status).toBe(200);
    expect(part.body.weeks.slice(0, 2)).toEqual([
      expect.objectContaining({
        periodStart: '2026-06-22',
        activeMembers: 5,
        givers: 2,
        receivers: 2,
      }),
      expect.objectContaining({
        periodStart: '2026-06-29',
        activeMembers: 5,
        givers: 2,
        receivers: 1,
      }),
    ]);
    const fair = await get('mgrA', `fairness?${range}`);
    expect(fair.body.teams.map((x: { teamName: string }) => x.teamName)).toEqual(['Store A']);
    expect(fair.body.notRecognised).toHaveLength(4);
    expect(fair.body.concentration).toMatchObject({ members: 5, totalPoints: 34 });
    const givers = await get('mgrA', `top-givers?${range}`);
    expect(givers.body.givers.map((g: { memberId: string }) => g.memberId)).toEqual([
      id('ann'),
      id('bob'),
      id('mgrA'),
    ]);
    const badges = await get('mgrA', `badges?${range}`);
    expect(
      badges.body.badges.find((b: { name: string }) => b.name === 'First Bravo'),
    ).toMatchObject({
      awards: 3,
    });
    const own = await get('mgrA', `values?${range}&teamId=${org.teams[0].id}`);
    expect(own.status).toBe(200);
    expect(own.body.range.teamId).toBe(org.teams[0].id);

    expect((await get('mgrA', `values?${range}&teamId=${org.teams[1].id}`)).status).toBe(403);
    expect((await get('mgrA', `csv/values?${range}&teamId=${org.teams[1].id}`)).status).toBe(403);
    expect((await get('ann', `participation?${range}`)).status).toBe(403);
    expect((await get('ann', `csv/top-givers?${range}`)).status).toBe(403);

    // An admin may narrow to one team.
    const teamB = await get('admin', `fairness?${range}&teamId=${org.teams[1].id}`);
    expect(teamB.body.concentration).toMatchObject({ members: 3, totalPoints: 24 });
  });

  it("never shows another organisation's data", async () => {
    const otherIds = [
      other.people.xeno.member.id,
      other.people.yuri.member.id,
      other.admin.member.id,
    ];
    for (const path of [
      'participation',
      'values',
      'fairness',
      'top-givers',
      'missions',
      'praise',
      'badges',
    ]) {
      const res = await get('admin', `${path}?${range}`);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const otherId of [...otherIds, other.valueId]) {
        expect(text).not.toContain(otherId);
      }
    }
    // Their admin naming our team: refused as an unknown team of theirs.
    const theirs = await t.api.call(
      'GET',
      `/api/v1/analytics/values?${range}&teamId=${org.teams[0].id}`,
      { token: other.admin.token },
    );
    expect(theirs.status).toBe(400);
    expect(theirs.body.details[0]).toMatchObject({ field: 'teamId', code: 'unknown_team' });
    const theirFair = await t.api.call('GET', `/api/v1/analytics/fairness?${range}`, {
      token: other.admin.token,
    });
    expect(theirFair.body.concentration).toMatchObject({ members: 3, totalPoints: 30 });
  });

  it('streams a table as CSV: BOM, RFC 4180 quoting, formulas neutralised, Arabic intact', async () => {
    const res = await fetch(`${t.api.baseUrl}/api/v1/analytics/csv/not-recognised?${range}`, {
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="analytics-not-recognised-2026-06-22-2026-07-30.csv"',
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('memberId,name,teamId,teamName,lastRecognisedOn');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines).toContain(`${id('quote')},"Sam ""Rocky"" Lee, Jr",${org.teams[0].id},Store A,`);
    expect(lines).toContain(`${id('eve')},'=Eve,${org.teams[0].id},Store A,`);
    expect(lines).toContain(`${id('sara')},${SARA},${org.teams[1].id},Store B,2026-06-29`);

    const givers = await fetch(`${t.api.baseUrl}/api/v1/analytics/csv/top-givers?${range}`, {
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    const rows = (await givers.text()).split('\r\n');
    expect(rows[0]).toBe('memberId,name,teamId,teamName,kudos,points,colleagues');
    expect(rows[1]).toBe(`${id('ann')},ann,${org.teams[0].id},Store A,2,16,2`);
    expect(rows).toHaveLength(1 + 5 + 1);

    const unknown = await get('admin', `csv/nothing?${range}`);
    expect(unknown.status).toBe(400);
  });

  it.each([
    ['from=2026-13-01', 'from', 'invalid_date'],
    ['from=yesterday', 'from', 'invalid_date'],
    ['from=2026-02-30&to=2026-03-10', 'from', 'invalid_date'],
    ['from=2026-07-01&to=2026-06-01', 'to', 'out_of_range'],
    ['from=2025-01-01&to=2026-06-01', 'to', 'too_large'],
    ['teamId=not-a-team', 'teamId', 'invalid_id'],
  ])('400 on %s', async (query, field, code) => {
    const res = await get('admin', `participation?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field, code });
  });

  it('defaults to the last 90 days to today', async () => {
    const res = await get('admin', 'values');
    expect(res.body.range).toMatchObject({ from: '2026-04-05', to: '2026-07-03' });
  });
});
