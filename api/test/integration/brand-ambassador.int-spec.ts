import { BadgeAwards } from '../../src/badges/badge-awards.service';
import { Badge } from '../../src/badges/badge.entity';
import { BadgeEvaluationQueue } from '../../src/badges/badge-evaluation.queue';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

/** 28 December 2026 in London: December's missions are running; January is a week away. */
const NOW = '2026-12-28T12:00:00Z';

describe('Brand Ambassador: every mission of a month', () => {
  let t: TestApp;
  let org: OrgFixture;
  const clock = new ManualClock(new Date(NOW));

  const as = (who: string) => ({
    token: who === 'admin' ? org.admin.token : org.people[who].token,
  });
  const idOf = (who: string) => org.people[who].member.id;
  const harbour = () => org.teams[0].id;
  const oldTown = () => org.teams[1].id;
  const settled = () => t.app.get(BadgeEvaluationQueue).idle();

  async function mission(who: string, body: Record<string, unknown>, publish = true) {
    const created = await t.api.call('POST', '/api/v1/missions', {
      ...as(who),
      body: { title: 'A brand mission', points: 5, kind: 'evidence', evidence: 'none', ...body },
    });
    expect(created.status).toBe(201);
    if (publish) {
      const published = await t.api.call(
        'POST',
        `/api/v1/missions/${created.body.id}/publish`,
        as(who),
      );
      expect(published.status).toBe(200);
    }
    return created.body as { id: string; startsOn: string };
  }
  async function submit(who: string, missionId: string, body: Record<string, unknown> = {}) {
    const res = await t.api.call('POST', `/api/v1/missions/${missionId}/submissions`, {
      ...as(who),
      body,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  }
  async function ambassadors(): Promise<{ member_id: string; window_start: string }[]> {
    return t.db.query(
      `SELECT a.member_id, a.window_start::text AS window_start
         FROM badge_awards a JOIN badges b ON b.id = a.badge_id
        WHERE b.name = 'Brand Ambassador' AND b.organization_id =
              (SELECT organization_id FROM members WHERE id = $1)
        ORDER BY a.window_start, a.member_id`,
      [org.admin.member.id],
    );
  }
  const missionNamed = (title: string) =>
    t.db
      .query<{ id: string }[]>(
        'SELECT id FROM missions WHERE title = $1 AND organization_id = $2',
        [title, org.admin.member.organization.id],
      )
      .then(([row]) => row);
  const earnedNames = async (who: string): Promise<string[]> =>
    (await t.api.call('GET', `/api/v1/members/${idOf(who)}/badges`, as(who))).body.earned.map(
      (e: { badge: { name: string } }) => e.badge.name,
    );

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        ana: { team: 0 },
        cat: { team: 0 },
        ben: { team: 1 },
      },
    });
  });
  afterAll(() => t.close());

  it('is a starter badge, counted per month', async () => {
    const badges = (await t.api.call('GET', '/api/v1/badges', as('ana'))).body;
    expect(badges.find((b: { name: string }) => b.name === 'Brand Ambassador')).toMatchObject({
      metric: 'months_all_missions_completed',
      threshold: 1,
      window: 'month',
    });
  });

  it('refuses a week window for the metric with a field code, and takes a month or all time', async () => {
    const rule = { metric: 'months_all_missions_completed', threshold: 1, window: 'week' };
    const created = await t.api.call('POST', '/api/v1/badges', {
      ...as('admin'),
      body: { name: 'Weekly Ambassador', icon: 'crown', ...rule },
    });
    expect(created.status).toBe(400);
    expect(created.body.details).toEqual([
      expect.objectContaining({ field: 'window', code: 'window_not_for_metric' }),
    ]);
    const preview = await t.api.call('POST', '/api/v1/badges/preview', {
      ...as('admin'),
      body: rule,
    });
    expect(preview.status).toBe(400);
    expect(preview.body.details[0]).toMatchObject({
      field: 'window',
      code: 'window_not_for_metric',
    });
    for (const window of ['month', 'all_time']) {
      const ok = await t.api.call('POST', '/api/v1/badges/preview', {
        ...as('admin'),
        body: { ...rule, window },
      });
      expect({ window, status: ok.status }).toEqual({ window, status: 200 });
    }
    const names = (await t.api.call('GET', '/api/v1/badges', as('admin'))).body.map(
      (b: { name: string }) => b.name,
    );
    expect(names).not.toContain('Weekly Ambassador');
  });

  it('goes to the member who completes the last of the month’s missions, once; not to one who missed one', async () => {
    const everyone = await mission('admin', { title: 'Wear the winter pin', teamIds: [] });
    const window = await mission('boss', {
      title: 'Dress the window',
      teamIds: [harbour()],
      evidence: 'text',
    });
    // Not due for Harbour: another team's mission, a draft, one closed before its end date.
    const theirs = await mission('admin', { title: 'Old Town tasting', teamIds: [oldTown()] });
    await mission('boss', { title: 'Not yet', teamIds: [harbour()] }, false);
    const closedEarly = await mission('boss', { title: 'Called off', teamIds: [harbour()] });
    expect(everyone.startsOn).toBe('2026-12-01');

    await submit('ana', everyone.id);
    const story = await submit('ana', window.id, { text: 'Pine branches and the new mugs.' });
    expect(story.status).toBe('pending');
    await submit('cat', everyone.id); // cat never hands in the window
    await submit('ben', everyone.id);
    await settled();
    // ben did everyone's but not yet Old Town's; ana waits for approval.
    expect(await ambassadors()).toEqual([]);

    expect(
      (await t.api.call('POST', `/api/v1/missions/${closedEarly.id}/close`, as('boss'))).status,
    ).toBe(200);
    const approved = await t.api.call(
      'POST',
      `/api/v1/mission-submissions/${story.id}/approve`,
      as('boss'),
    );
    expect(approved.status).toBe(200);
    await submit('ben', theirs.id);
    await until(
      async () => (await ambassadors()).length === 2,
      10_000,
      'Brand Ambassador for ana and ben',
    );
    await settled();
    expect(await ambassadors()).toEqual(
      [
        { member_id: idOf('ana'), window_start: '2026-12-01' },
        { member_id: idOf('ben'), window_start: '2026-12-01' },
      ].sort((a, b) => a.member_id.localeCompare(b.member_id)),
    );
    expect(await earnedNames('ana')).toContain('Brand Ambassador');
    expect(await earnedNames('cat')).not.toContain('Brand Ambassador');

    // Evaluating everyone again over every month awards nothing more.
    const badge = await t.db.getRepository(Badge).findOneByOrFail({
      name: 'Brand Ambassador',
      organizationId: org.admin.member.organization.id,
    });
    const again = await t.app
      .get(BadgeAwards)
      .award(org.admin.member.organization.id, badge, { memberIds: null, windows: 'all' });
    expect(again).toEqual([]);
    expect(await ambassadors()).toHaveLength(2);
  });

  it('is earned again in the next month, and an all-time rule counts the months', async () => {
    clock.set('2027-01-04T10:00:00Z');
    const january = await mission('admin', { title: 'Learn the January menu', teamIds: [] });
    expect(january.startsOn).toBe('2027-01-01');
    await submit('ana', january.id);
    await until(
      async () => (await ambassadors()).some((a) => a.window_start === '2027-01-01'),
      10_000,
      'Brand Ambassador for January',
    );
    await settled();
    expect((await ambassadors()).filter((a) => a.member_id === idOf('ana'))).toEqual([
      { member_id: idOf('ana'), window_start: '2026-12-01' },
      { member_id: idOf('ana'), window_start: '2027-01-01' },
    ]);
    const twoMonths = await t.api.call('POST', '/api/v1/badges/preview', {
      ...as('admin'),
      body: { metric: 'months_all_missions_completed', threshold: 2, window: 'all_time' },
    });
    expect(twoMonths.body).toEqual({ count: 1, members: [{ id: idOf('ana'), name: 'ana' }] });
  });

  it('counts a month’s last mission done just before midnight, however late the evaluation runs', async () => {
    clock.set('2027-01-31T23:59:58Z');
    // A month on, cat signs in again.
    const login = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: org.people.cat.member.email, password: 'fixture-password' },
    });
    expect(login.status).toBe(200);
    org.people.cat = login.body;
    await submit('cat', (await missionNamed('Learn the January menu')).id);
    // Midnight passes before the evaluation (it starts a moment after the response) runs.
    clock.set('2027-02-01T00:00:03Z');
    await settled();
    expect((await ambassadors()).filter((a) => a.member_id === idOf('cat'))).toEqual([
      { member_id: idOf('cat'), window_start: '2027-01-01' },
    ]);
  });
});
