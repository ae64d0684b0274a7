import { RankIndex } from '../../src/leaderboard/rank-index';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('leaderboards', () => {
  // 20:00 on 31 March in New York is already 1 April in UTC.
  const clock = new ManualClock(new Date('2026-04-01T00:30:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  const as = (who: string) => ({ token: org.people[who].token });
  const give = async (giver: string, to: string[], points: number) => {
    const res = await t.api.call('POST', '/api/v1/kudos', {
      ...as(giver),
      body: {
        recipientIds: to.map((h) => org.people[h].member.id),
        valueId: org.valueId,
        message: 'Great teamwork today',
        points,
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const board = (who: string, path: string) =>
    t.api.call('GET', `/api/v1/leaderboards/${path}`, as(who));
  const names = (entries: { name: string; rank: number; points?: number }[]) =>
    entries.map((e) => `${e.rank}:${e.name}:${e.points}`);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      timezone: 'America/New_York',
      teams: ['Big Store', 'Small Store'],
      people: {
        ana: {},
        ben: {},
        cat: {},
        dan: {},
        eve: {},
        fay: {},
        gus: { team: 1 },
        hal: { team: 1 },
      },
      rules: { maxShareToOneRecipientPercent: 100 },
    });
  });
  afterAll(() => t.close());

  it('counts a kudos at 20:00 on 31 March (New York) in March, not April', async () => {
    await give('ana', ['ben'], 10);
    const march = await board('ana', 'members?period=month');
    expect(march.body.from).toBe('2026-03-01T05:00:00.000Z');
    expect(march.body.to).toBe('2026-04-01T04:00:00.000Z');
    expect(names(march.body.entries)).toEqual(['1:ben:10']);
    // five hours later it is April in New York: March becomes last month
    clock.set('2026-04-01T05:30:00Z');
    expect((await board('ana', 'members?period=month')).body.entries).toEqual([]);
    expect(names((await board('ana', 'members?period=last-month')).body.entries)).toEqual([
      '1:ben:10',
    ]);
    const allowance = await t.api.call('GET', '/api/v1/me/allowance', as('ana'));
    expect(allowance.body).toMatchObject({
      spent: 0,
      remaining: 100,
      resetsAt: '2026-05-01T04:00:00.000Z',
    });
  });

  it('ranks ties together (1, 2, 2, 4) and shows me outside the top N', async () => {
    await give('ana', ['cat'], 30);
    await give('ana', ['dan', 'eve'], 20);
    await give('ben', ['fay'], 5);
    const top = await board('fay', 'members?period=month&limit=3');
    expect(names(top.body.entries).sort()).toEqual(['1:cat:30', '2:dan:20', '2:eve:20']);
    expect(top.body.me).toMatchObject({ name: 'fay', rank: 4, points: 5 });
    const nobody = await board('gus', 'members?period=month&limit=3');
    expect(nobody.body.me).toMatchObject({ name: 'gus', rank: 5, points: 0 });
  });

  it('ranks givers by points given', async () => {
    const givers = await board('ben', 'givers?period=month');
    expect(names(givers.body.entries)).toEqual(['1:ana:70', '2:ben:5']);
  });

  it('ranks teams by points per active member, with total and count beside', async () => {
    // Big Store (6 people) earned 30 + 20 + 20 + 5 = 75 this month; Small Store (2) gets 40.
    await give('ben', ['gus', 'hal'], 20);
    const teams = await board('gus', 'teams?period=month');
    expect(teams.body.entries).toEqual([
      expect.objectContaining({
        rank: 1,
        name: 'Small Store',
        pointsPerMember: 20,
        totalPoints: 40,
        memberCount: 2,
      }),
      expect.objectContaining({
        rank: 2,
        name: 'Big Store',
        pointsPerMember: 12.5,
        totalPoints: 75,
        memberCount: 6,
      }),
    ]);
    expect(teams.body.me).toMatchObject({ name: 'Small Store' });
  });

  it('filters a board by team and moves its version whenever points move', async () => {
    const small = org.teams[1].id;
    const filtered = await board('gus', `members?period=month&teamId=${small}`);
    expect(filtered.body.entries.map((e: { name: string }) => e.name).sort()).toEqual([
      'gus',
      'hal',
    ]);
    const before = filtered.body.version;
    await give('gus', ['hal'], 1);
    const after = (await board('gus', 'members?period=all-time')).body.version;
    expect(after).toBeGreaterThan(before);
  });

  it('keeps "me" exact whether it comes from SQL or from the in-memory rank index', async () => {
    // Watched, not replaced: a non-null answer is the index answering.
    const answers = jest.spyOn(RankIndex.prototype, 'rank');
    const fromIndex = () => answers.mock.results.some((r) => r.value !== null);
    const first = await board('fay', 'members?period=month&limit=1');
    // The first read counts in SQL and loads the index behind; a later one reads from it.
    let second = first;
    await until(
      async () => {
        answers.mockClear();
        second = await board('fay', 'members?period=month&limit=1');
        return fromIndex();
      },
      5000,
      'the rank index to answer',
    );
    expect(second.body.me).toEqual(first.body.me);
    await give('ben', ['fay'], 30);
    answers.mockClear();
    const third = await board('fay', 'members?period=month&limit=1');
    expect(fromIndex()).toBe(false); // the points moved: the stale index is not used
    answers.mockRestore();
    expect(third.body.me.points).toBe(first.body.me.points + 30);
    const [truth] = await t.db.query(
      `SELECT count(*)::int + 1 AS rank FROM point_totals WHERE organization_id = $1 AND account = 'earned'
          AND period_type = 'month' AND period_start = '2026-04-01' AND points > $2`,
      [org.admin.member.organization.id, third.body.me.points],
    );
    expect(third.body.me.rank).toBe(truth.rank);
    expect(third.body.me.rank).toBeLessThan(first.body.me.rank);
  });

  it('rejects an unknown period with a 400 naming it', async () => {
    const res = await board('ana', 'members?period=year');
    expect(res).toMatchObject({ status: 400, body: { details: [{ field: 'period' }] } });
  });
});
