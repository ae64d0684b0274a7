import { TrackedMissions } from '../../src/missions/tracked-missions.service';
import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

/** 10 December 2026, midday in London: the current month is December. */
const NOW = '2026-12-10T12:00:00Z';

describe('tracked missions over HTTP', () => {
  let t: TestApp;
  let org: OrgFixture;
  let tracked: TrackedMissions;
  const clock = new ManualClock(new Date(NOW));

  const as = (handle: string) => ({ token: org.people[handle].token });
  const harbour = () => org.teams[0].id;
  const id = (handle: string) => org.people[handle].member.id;

  async function earned(handle: string, source?: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT coalesce(sum(amount), 0)::int AS n FROM ledger_entries
        WHERE member_id = $1 AND account = 'earned' AND ($2::text IS NULL OR source_type = $2)`,
      [id(handle), source ?? null],
    );
    return row.n;
  }

  /** Kudos from one member to others, over HTTP; then the tracked evaluation has run. */
  async function give(from: string, to: string[]): Promise<void> {
    const res = await t.api.call('POST', '/api/v1/kudos', {
      ...as(from),
      body: {
        recipientIds: to.map(id),
        valueId: org.valueId,
        message: `Thanks from ${from}, that was a warm welcome`,
        points: 1,
      },
    });
    expect(res.status).toBe(201);
    await tracked.idle();
  }

  async function published(body: Record<string, unknown>) {
    const created = await t.api.call('POST', '/api/v1/missions', {
      ...as('boss'),
      body: { title: 'Warm welcomes', points: 7, teamIds: [harbour()], kind: 'tracked', ...body },
    });
    expect(created.status).toBe(201);
    const done = await t.api.call(
      'POST',
      `/api/v1/missions/${created.body.id}/publish`,
      as('boss'),
    );
    expect(done.status).toBe(200);
    await tracked.idle();
    return done.body as { id: string };
  }

  const view = async (missionId: string, handle: string) =>
    (await t.api.call('GET', `/api/v1/missions/${missionId}`, as(handle))).body;

  beforeEach(() => clock.set(new Date(NOW)));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    tracked = t.app.get(TrackedMissions);
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        ana: { team: 0 },
        cat: { team: 0 },
        ben: { team: 1 },
        dan: { team: 1 },
      },
    });
  });
  afterAll(() => t.close());

  it('completes itself from kudos given over HTTP, once, and only for its teams', async () => {
    const mission = await published({
      title: 'Give 2 kudos for our value',
      valueId: org.valueId,
      tracked: { metric: 'kudos_given_for_value', threshold: 2 },
    });
    const before = await earned('ana');

    await give('ana', ['cat']);
    expect((await view(mission.id, 'ana')).progress).toMatchObject({
      completions: 0,
      canSubmit: false,
      tracked: { value: 1, threshold: 2 },
    });

    await give('ana', ['boss']);
    expect((await view(mission.id, 'ana')).progress).toMatchObject({
      completions: 1,
      tracked: { value: 2, threshold: 2 },
    });
    expect(await earned('ana', 'mission')).toBe(7);

    // More giving, and two evaluations racing over the same counts, complete nothing more.
    await give('ana', ['cat']);
    await give('ana', ['cat']);
    const batch = {
      changes: new Map([[id('ana'), new Set(['kudos_given_for_value'])]]),
      since: clock.now(),
    };
    await Promise.all([
      tracked.evaluate(org.admin.member.organization.id, batch),
      tracked.evaluate(org.admin.member.organization.id, batch),
    ]);
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM mission_submissions WHERE mission_id = $1 AND member_id = $2`,
      [mission.id, id('ana')],
    );
    expect(n).toBe(1);
    // The kudos cost Ana her allowance, not her earnings: only the mission's 7 are new.
    expect(await earned('ana')).toBe(before + 7);

    // Ben is in Old Town: the mission is not his, whatever he gives.
    await give('ben', ['dan']);
    await give('ben', ['dan']);
    expect(await earned('ben', 'mission')).toBe(0);
    const bens = await t.api.call('GET', `/api/v1/missions/${mission.id}`, as('ben'));
    expect(bens.status).toBe(404);

    // Nothing to hand in: it counts itself.
    const sent = await t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
      ...as('cat'),
      body: {},
    });
    expect(sent.status).toBe(409);
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true, drift: [] });
  });

  it('counts kudos from different colleagues, completing as many times as it allows', async () => {
    const mission = await published({
      title: 'Be thanked by 2 different colleagues',
      tracked: { metric: 'distinct_givers', threshold: 2 },
      maxCompletions: 1,
    });
    await give('ana', ['cat']);
    await give('ana', ['cat']);
    expect((await view(mission.id, 'cat')).progress.tracked).toEqual({ value: 1, threshold: 2 });
    await give('boss', ['cat']);
    expect((await view(mission.id, 'cat')).progress).toMatchObject({
      completions: 1,
      tracked: { value: 2, threshold: 2 },
    });
  });

  it('completes at publishing for what was counted earlier in its span', async () => {
    await give('cat', ['ana']);
    await give('cat', ['boss']);
    await give('cat', ['ana']);
    const before = await earned('cat', 'mission');
    const mission = await published({
      title: 'Give 3 kudos this month',
      points: 4,
      tracked: { metric: 'kudos_given', threshold: 3 },
    });
    expect((await view(mission.id, 'cat')).progress.completions).toBe(1);
    expect(await earned('cat', 'mission')).toBe(before + 4);
  });

  it('sums its metric over the team for a team target, and pays the bonus once per member', async () => {
    // A span of its own, from tomorrow: what earlier tests gave does not count.
    clock.set(new Date('2026-12-11T12:00:00Z'));
    const mission = await published({
      title: 'Harbour: 3 kudos received from the 11th',
      points: 0,
      startsOn: '2026-12-11',
      endsOn: '2026-12-31',
      tracked: { metric: 'kudos_received', threshold: 1000 },
      teamTarget: { completions: 3, bonus: 5 },
    });
    const meter = async () => (await view(mission.id, 'ana')).progress.team;
    // Old Town's kudos to each other do not move Harbour's meter.
    await give('ben', ['dan']);
    expect(await meter()).toEqual({ teamId: harbour(), completions: 0, target: 3, reached: false });

    await give('ben', ['ana', 'cat']);
    expect(await meter()).toMatchObject({ completions: 2, reached: false });
    expect(await earned('ana', 'team_target')).toBe(0);
    await give('dan', ['cat']);
    await give('dan', ['ana']); // past the target: no second bonus
    expect(await meter()).toEqual({ teamId: harbour(), completions: 4, target: 3, reached: true });
    expect(await earned('ana', 'team_target')).toBe(5);
    expect(await earned('cat', 'team_target')).toBe(5);
    expect(await earned('ben', 'team_target')).toBe(0);
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM mission_targets_reached WHERE mission_id = $1`,
      [mission.id],
    );
    expect(n).toBe(1);
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true, drift: [] });
  });

  it('counts a kudos given just before its span ended, however late the evaluation runs', async () => {
    clock.set(new Date('2026-12-12T12:00:00Z'));
    const mission = await published({
      title: 'One kudos by the 12th',
      points: 3,
      startsOn: '2026-12-12',
      endsOn: '2026-12-12',
      tracked: { metric: 'kudos_received', threshold: 1 },
    });
    clock.set(new Date('2026-12-12T23:59:58Z'));
    const res = await t.api.call('POST', '/api/v1/kudos', {
      ...as('ben'),
      body: {
        recipientIds: [id('cat')],
        valueId: org.valueId,
        message: 'Thanks for the late shift, it was a big help',
        points: 1,
      },
    });
    expect(res.status).toBe(201);
    // Midnight passes before the evaluation (it starts a moment after the response) runs.
    clock.set(new Date('2026-12-13T00:00:03Z'));
    await tracked.idle();
    const rows = await t.db.query<{ status: string; completed_on: string }[]>(
      `SELECT status, completed_on::text FROM mission_submissions
        WHERE mission_id = $1 AND member_id = $2`,
      [mission.id, id('cat')],
    );
    expect(rows).toEqual([{ status: 'approved', completed_on: '2026-12-12' }]);
  });

  it('refuses a tracked mission without its rule, or a per-value one without its value', async () => {
    const post = (body: Record<string, unknown>) =>
      t.api.call('POST', '/api/v1/missions', {
        ...as('boss'),
        body: { title: 'Tracked', points: 5, teamIds: [harbour()], ...body },
      });
    const cases: [Record<string, unknown>, { field: string; code: string }][] = [
      [{ kind: 'tracked' }, { field: 'tracked', code: 'required' }],
      [
        { kind: 'tracked', tracked: { metric: 'kudos_given_for_value', threshold: 3 } },
        { field: 'valueId', code: 'required' },
      ],
      [
        { kind: 'tracked', tracked: { metric: 'weekly_giving_streak', threshold: 3 } },
        { field: 'tracked.metric', code: 'invalid_choice' },
      ],
      [
        { kind: 'tracked', tracked: { metric: 'kudos_given', threshold: 0 } },
        { field: 'tracked.threshold', code: 'too_small' },
      ],
      [
        { kind: 'evidence', evidence: 'text', tracked: { metric: 'kudos_given', threshold: 3 } },
        { field: 'tracked', code: 'unknown_field' },
      ],
    ];
    const [{ n: before }] = await t.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM missions',
    );
    for (const [body, error] of cases) {
      const res = await post(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
    }
    const [{ n: after }] = await t.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM missions',
    );
    expect(after).toBe(before);
  });
});
