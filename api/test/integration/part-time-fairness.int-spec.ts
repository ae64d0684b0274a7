import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

/** A part-time factor scales the giving allowance and counts as a share of a full-timer on team boards. */
describe('part-time fairness', () => {
  let t: TestApp;
  let org: OrgFixture;
  const admin = () => ({ token: org.admin.token });
  const as = (who: string) => ({ token: org.people[who].token });
  const idOf = (who: string) => org.people[who].member.id;
  const setFactor = (who: string, partTimeFactor: unknown) =>
    t.api.call('PATCH', `/api/v1/members/${idOf(who)}`, {
      ...admin(),
      body: { partTimeFactor },
    });
  const give = (giver: { token: string }, to: string[], points: number) =>
    t.api.call('POST', '/api/v1/kudos', {
      ...giver,
      body: {
        recipientIds: to.map(idOf),
        valueId: org.valueId,
        message: 'Thanks for covering the shift',
        points,
      },
    });
  const allowance = async (who: string) =>
    (await t.api.call('GET', '/api/v1/me/allowance', as(who))).body as {
      total: number;
      spent: number;
      remaining: number;
    };

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      teams: ['Full Store', 'Part Store'],
      people: {
        pat: { team: 1 },
        fay: { team: 0 },
        fred: { team: 0 },
        pia: { team: 1 },
        pim: { team: 1 },
      },
      rules: {
        allowanceEmployee: 100,
        allowanceManager: 1000,
        maxShareToOneRecipientPercent: 100,
        maxKudosPerDay: 100,
      },
    });
  });
  afterAll(() => t.close());

  it('scales the monthly allowance, applies a change at once and never below what is spent', async () => {
    expect(await allowance('pat')).toMatchObject({ total: 100, spent: 0, remaining: 100 });

    // Half time before the month opens: it opens at 100 × 0.5 = 50.
    expect((await setFactor('pat', 0.5)).status).toBe(200);
    expect(await allowance('pat')).toMatchObject({ total: 50, remaining: 50 });
    expect((await give(as('pat'), ['fay'], 30)).status).toBe(201);
    expect(await allowance('pat')).toMatchObject({ total: 50, spent: 30, remaining: 20 });

    // 100 × 0.25 = 25 is below the 30 already given: the month keeps 30, nothing left.
    expect((await setFactor('pat', 0.25)).status).toBe(200);
    expect(await allowance('pat')).toMatchObject({ total: 30, spent: 30, remaining: 0 });
    expect(await give(as('pat'), ['fay'], 1)).toMatchObject({
      status: 422,
      body: { code: 'allowance_exceeded' },
    });

    // Back up to 0.75: 75 this month, 45 of it left.
    expect((await setFactor('pat', 0.75)).status).toBe(200);
    expect(await allowance('pat')).toMatchObject({ total: 75, spent: 30, remaining: 45 });
    expect((await give(as('pat'), ['fay'], 46)).status).toBe(422);
    expect((await give(as('pat'), ['fay'], 45)).status).toBe(201);
    expect(await allowance('pat')).toMatchObject({ total: 75, spent: 75, remaining: 0 });

    const [row] = await t.db.query<{ total: number; spent: number }[]>(
      `SELECT total, spent FROM allowances WHERE member_id = $1`,
      [idOf('pat')],
    );
    expect(row).toEqual({ total: 75, spent: 75 });
    expect((await verifyLedger(t.db.manager)).ok).toBe(true);
  });

  it('refuses 0, 1.5 and "x" with a 400 naming the field, and changes nothing', async () => {
    for (const bad of [0, 1.5, 'x', 0.333]) {
      const res = await setFactor('pat', bad);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'partTimeFactor' })]),
      );
    }
    const member = await t.api.call('GET', `/api/v1/members/${idOf('pat')}`, admin());
    expect(member.body.partTimeFactor).toBe(0.75);
    expect(await allowance('pat')).toMatchObject({ total: 75, spent: 75 });
  });

  it('ranks teams by points per full-time equivalent, keeping the headcount beside', async () => {
    // The admin gives: Full Store earns 30 + 30 (+ fay's 75 from pat above), Part Store 20 + 20.
    expect((await give(admin(), ['fred'], 30)).status).toBe(201);
    expect((await give(admin(), ['fay'], 30)).status).toBe(201);
    expect((await give(admin(), ['pia', 'pim'], 20)).status).toBe(201);
    const teams = async () =>
      (await t.api.call('GET', '/api/v1/leaderboards/teams?period=month', admin())).body
        .entries as {
        name: string;
        rank: number;
        pointsPerMember: number;
        totalPoints: number;
        memberCount: number;
        fte: number;
      }[];

    // Full Store: 135 points, 2 full-timers → 67.5. Part Store: pat 0.75 + pia 1 + pim 1 → 40 / 2.75 = 14.5.
    expect(await teams()).toEqual([
      expect.objectContaining({
        rank: 1,
        name: 'Full Store',
        totalPoints: 135,
        memberCount: 2,
        fte: 2,
        pointsPerMember: 67.5,
      }),
      expect.objectContaining({
        rank: 2,
        name: 'Part Store',
        totalPoints: 40,
        memberCount: 3,
        fte: 2.75,
        pointsPerMember: 14.5,
      }),
    ]);

    // Part Store is three people working 0.2 each: 0.6 FTE, so 40 / 0.6 = 66.7 per FTE …
    for (const who of ['pat', 'pia', 'pim']) {
      expect((await setFactor(who, 0.2)).status).toBe(200);
    }
    let board = await teams();
    expect(board.map((e) => `${e.rank}:${e.name}:${e.pointsPerMember}:${e.fte}`)).toEqual([
      '1:Full Store:67.5:2',
      '2:Part Store:66.7:0.6',
    ]);
    // … and at 0.15 each (0.45 FTE) its 40 points are worth 88.9 per FTE: it leads.
    for (const who of ['pat', 'pia', 'pim']) {
      expect((await setFactor(who, 0.15)).status).toBe(200);
    }
    board = await teams();
    expect(board.map((e) => `${e.rank}:${e.name}:${e.pointsPerMember}:${e.memberCount}`)).toEqual([
      '1:Part Store:88.9:3',
      '2:Full Store:67.5:2',
    ]);
    expect((await verifyLedger(t.db.manager)).ok).toBe(true);
  });
});
