import { BadgeAwards } from '../../src/badges/badge-awards.service';
import { Badge } from '../../src/badges/badge.entity';
import { BadgeEvaluationQueue } from '../../src/badges/badge-evaluation.queue';
import { DomainEvents, type DomainEventMap } from '../../src/events/domain-events';
import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('badges', () => {
  const clock = new ManualClock(new Date('2026-04-27T09:00:00Z')); // a Monday
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;

  const as = (o: OrgFixture, who: string) =>
    who === 'admin' ? o.admin.token : o.people[who].token;
  const call = (o: OrgFixture, who: string, method: string, path: string, body?: unknown) =>
    t.api.call(method, `/api/v1${path}`, { token: as(o, who), body });
  const give = async (o: OrgFixture, giver: string, to: string[], valueId = o.valueId) => {
    const res = await call(o, giver, 'POST', '/kudos', {
      recipientIds: to.map((h) => o.people[h].member.id),
      valueId,
      message: `Thanks for everything, ${to.join(' and ')}!`,
      points: 0,
    });
    expect(res.status).toBe(201);
  };
  const rule = (extra: Record<string, unknown> = {}) => ({
    name: 'Well Liked',
    icon: 'heart',
    metric: 'kudos_received',
    threshold: 2,
    window: 'all_time',
    ...extra,
  });
  /** Only the rule's fields (what a preview takes). */
  const ruleOnly = (extra: Record<string, unknown> = {}) => {
    const { metric, threshold, window, valueId } = rule(extra) as Record<string, unknown>;
    return { metric, threshold, window, ...(valueId !== undefined && { valueId }) };
  };
  const awardsOf = async (
    badgeId: string,
  ): Promise<{ member_id: string; window_start: string }[]> =>
    t.db.query(
      `SELECT member_id, window_start FROM badge_awards WHERE badge_id = $1 ORDER BY member_id, window_start`,
      [badgeId],
    );
  const orgIdOf = async (o: OrgFixture): Promise<string> =>
    (await t.db.query(`SELECT organization_id FROM members WHERE id = $1`, [o.admin.member.id]))[0]
      .organization_id;
  const badgeCount = async (o: OrgFixture): Promise<number> =>
    (
      await t.db.query(`SELECT count(*)::int AS n FROM badges WHERE organization_id = $1`, [
        await orgIdOf(o),
      ])
    )[0].n;
  const earnedAllTime = async (o: OrgFixture, who: string): Promise<number> =>
    (await call(o, who, 'GET', `/members/${o.people[who].member.id}/profile`)).body.earned.allTime;
  const idOf = (o: OrgFixture, who: string) => o.people[who].member.id;
  /** Waits until the automatic evaluations in flight are done (a condition, not a sleep). */
  const settled = () => t.app.get(BadgeEvaluationQueue).idle();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      people: { sam: {}, lena: {}, omar: {}, zoe: {}, boss: { role: 'manager' } },
    });
    other = await orgFixture(t, { people: { eve: {} } });
  });
  afterAll(() => t.close());

  it('lets any member list the badges, and only admins change them', async () => {
    const list = await call(org, 'sam', 'GET', '/badges');
    expect(list.status).toBe(200);
    expect(list.body.map((b: { name: string }) => b.name).sort()).toEqual([
      'Brand Ambassador',
      'Customer Hero',
      'First Bravo',
      'Mission Accomplished',
      'On a Roll',
      'Team Player',
    ]);
    const before = await badgeCount(org);
    expect(before).toBe(6);
    const someId = list.body.find((b: { name: string }) => b.name === 'First Bravo').id;
    for (const who of ['sam', 'boss']) {
      expect((await call(org, who, 'POST', '/badges', rule())).status).toBe(403);
      expect((await call(org, who, 'PATCH', `/badges/${someId}`, { name: 'Mine' })).status).toBe(
        403,
      );
      expect((await call(org, who, 'POST', `/badges/${someId}/deactivate`)).status).toBe(403);
      expect((await call(org, who, 'POST', '/badges/preview', ruleOnly())).status).toBe(403);
    }
    expect(await badgeCount(org)).toBe(before);
    expect((await call(org, 'admin', 'GET', `/badges/${someId}`)).body.name).toBe('First Bravo');
  });

  it('starts a new organisation with a Value Champion for each of its starter values', async () => {
    const unique = Math.random().toString(36).slice(2, 10);
    const signup = await t.api.call('POST', '/api/v1/auth/signup', {
      body: {
        organizationName: `Starters ${unique}`,
        name: 'Owner',
        email: `owner-${unique}@example.com`,
        password: 'correct-horse-battery',
        timezone: 'Europe/London',
        values: [{ name: 'Warm Welcome' }, { name: 'Own It' }],
      },
    });
    expect(signup.status).toBe(201);
    const token = signup.body.token;
    const values = (await t.api.call('GET', '/api/v1/values', { token })).body;
    const badges = (await t.api.call('GET', '/api/v1/badges', { token })).body;
    const champions = badges
      .filter((b: { metric: string }) => b.metric === 'kudos_received_for_value')
      .map((b: { name: string; valueId: string }) => [b.name, b.valueId])
      .sort();
    const byName = (n: string) => values.find((v: { name: string }) => v.name === n).id;
    expect(champions).toEqual([
      ['Value Champion: Own It', byName('Own It')],
      ['Value Champion: Warm Welcome', byName('Warm Welcome')],
    ]);
    expect(badges.find((b: { name: string }) => b.name === 'Customer Hero')).toMatchObject({
      metric: 'praise_approved',
      threshold: 1,
    });
    expect(badges.find((b: { name: string }) => b.name === 'On a Roll')).toMatchObject({
      metric: 'weekly_giving_streak',
      threshold: 4,
      window: 'all_time',
    });
  });

  it("answers 404 for another organisation's badge or member", async () => {
    const badge = (await call(org, 'admin', 'GET', '/badges')).body.find(
      (b: { name: string }) => b.name === 'First Bravo',
    );
    expect((await call(other, 'admin', 'GET', `/badges/${badge.id}`)).status).toBe(404);
    expect((await call(other, 'admin', 'PATCH', `/badges/${badge.id}`, { name: 'X' })).status).toBe(
      404,
    );
    expect((await call(other, 'admin', 'POST', `/badges/${badge.id}/deactivate`)).status).toBe(404);
    expect((await call(other, 'eve', 'GET', `/members/${idOf(org, 'sam')}/badges`)).status).toBe(
      404,
    );
    expect((await call(org, 'admin', 'GET', `/badges/${badge.id}`)).body.active).toBe(true);
  });

  it('refuses bad rules with field codes and writes nothing', async () => {
    const archived = await call(org, 'admin', 'POST', '/values', { name: 'Old', hashtag: 'Old' });
    await call(org, 'admin', 'PATCH', `/values/${archived.body.id}`, { archived: true });
    const before = await badgeCount(org);
    const cases: [Record<string, unknown>, { field: string; code: string }][] = [
      [{ threshold: 0 }, { field: 'threshold', code: 'too_small' }],
      [{ threshold: 10_001 }, { field: 'threshold', code: 'too_large' }],
      [{ bonusPoints: 501 }, { field: 'bonusPoints', code: 'too_large' }],
      [{ icon: 'unicorn' }, { field: 'icon', code: 'invalid_choice' }],
      [{ metric: 'customer_smiles' }, { field: 'metric', code: 'invalid_choice' }],
      [{ window: 'year' }, { field: 'window', code: 'invalid_choice' }],
      [{ name: '' }, { field: 'name', code: 'too_short' }],
      [{ metric: 'kudos_received_for_value' }, { field: 'valueId', code: 'required' }],
      [
        { metric: 'kudos_received_for_value', valueId: other.valueId },
        { field: 'valueId', code: 'unknown_value' },
      ],
      [
        { metric: 'kudos_received_for_value', valueId: archived.body.id },
        { field: 'valueId', code: 'unknown_value' },
      ],
      [{ valueId: org.valueId }, { field: 'valueId', code: 'value_not_for_metric' }],
      [
        { metric: 'weekly_giving_streak', window: 'month' },
        { field: 'window', code: 'window_not_for_metric' },
      ],
      [
        { metric: 'months_all_missions_completed', window: 'week' },
        { field: 'window', code: 'window_not_for_metric' },
      ],
    ];
    for (const [change, error] of cases) {
      const res = await call(org, 'admin', 'POST', '/badges', rule(change));
      expect({ change, status: res.status }).toEqual({ change, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
      if (!('name' in change || 'icon' in change || 'bonusPoints' in change)) {
        const preview = await call(org, 'admin', 'POST', '/badges/preview', ruleOnly(change));
        expect({ change, status: preview.status }).toEqual({ change, status: 400 });
        expect(preview.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining(error)]),
        );
      }
    }
    const [badge] = (await call(org, 'admin', 'GET', '/badges')).body;
    const patch = await call(org, 'admin', 'PATCH', `/badges/${badge.id}`, {
      window: 'week',
      metric: 'weekly_giving_streak',
    });
    expect(patch.status).toBe(400);
    expect(await badgeCount(org)).toBe(before);
    expect((await call(org, 'admin', 'GET', `/badges/${badge.id}`)).body).toMatchObject({
      metric: badge.metric,
      window: badge.window,
    });
  });

  it('awards "First Bravo" automatically when a kudos is given', async () => {
    const badges = async () =>
      (await call(org, 'zoe', 'GET', `/members/${idOf(org, 'zoe')}/badges`)).body;
    expect((await badges()).earned).toEqual([]);
    expect((await badges()).progress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          badge: expect.objectContaining({ name: 'First Bravo' }),
          current: 0,
          threshold: 1,
        }),
      ]),
    );
    await give(org, 'zoe', ['omar']);
    await until(
      async () =>
        (await badges()).earned.some(
          (e: { badge: { name: string } }) => e.badge.name === 'First Bravo',
        ),
      10_000,
      'First Bravo to be awarded',
    );
    const mine = await badges();
    expect(mine.earned).toEqual([
      expect.objectContaining({
        windowStart: '1970-01-01',
        badge: expect.objectContaining({ name: 'First Bravo' }),
      }),
    ]);
    expect(mine.progress.map((p: { badge: { name: string } }) => p.badge.name)).not.toContain(
      'First Bravo',
    );
    // The recipient gave nothing: no badge for omar.
    await settled();
    expect(
      (await call(org, 'omar', 'GET', `/members/${idOf(org, 'omar')}/badges`)).body.earned,
    ).toEqual([]);
  });

  it('awards a new badge to exactly those who already qualify, once, with its bonus', async () => {
    await give(org, 'sam', ['lena']);
    await give(org, 'omar', ['lena']);
    await give(org, 'sam', ['lena', 'boss']);
    await settled();
    // lena: 3 received, omar: 1 (from zoe), boss: 1.
    const preview = await call(org, 'admin', 'POST', '/badges/preview', ruleOnly());
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ count: 1, members: [{ id: idOf(org, 'lena'), name: 'lena' }] });

    const lenaBefore = await earnedAllTime(org, 'lena');
    const created = await call(org, 'admin', 'POST', '/badges', rule({ bonusPoints: 25 }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(await awardsOf(id)).toEqual([
      { member_id: idOf(org, 'lena'), window_start: '1970-01-01' },
    ]);
    expect(await earnedAllTime(org, 'lena')).toBe(lenaBefore + 25);

    // Edits without a rule change, and an unchanged rule, award nothing more.
    expect(
      (await call(org, 'admin', 'PATCH', `/badges/${id}`, { name: 'Much Liked' })).status,
    ).toBe(200);
    expect(
      (await call(org, 'admin', 'PATCH', `/badges/${id}`, { threshold: 2, active: true })).status,
    ).toBe(200);
    expect(await awardsOf(id)).toHaveLength(1);

    // A lower threshold awards the newly qualifying (omar, boss), not lena again.
    const omarBefore = await earnedAllTime(org, 'omar');
    expect((await call(org, 'admin', 'PATCH', `/badges/${id}`, { threshold: 1 })).status).toBe(200);
    expect((await awardsOf(id)).map((a) => a.member_id).sort()).toEqual(
      [idOf(org, 'lena'), idOf(org, 'omar'), idOf(org, 'boss')].sort(),
    );
    expect(await earnedAllTime(org, 'omar')).toBe(omarBefore + 25);
    expect(await earnedAllTime(org, 'lena')).toBe(lenaBefore + 25);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE source_type = 'badge' AND source_id IN (SELECT id FROM badge_awards WHERE badge_id = $1)`,
      [id],
    );
    expect(n).toBe(3);
    const report = await verifyLedger(t.db.manager);
    expect(report.drift).toEqual([]);
    expect(report.ok).toBe(true);

    // Deactivated: no longer listed, awards stay; reactivating awards nothing new.
    expect((await call(org, 'admin', 'POST', `/badges/${id}/deactivate`)).body.active).toBe(false);
    expect(
      (await call(org, 'sam', 'GET', '/badges')).body.map((b: { id: string }) => b.id),
    ).not.toContain(id);
    expect((await call(org, 'admin', 'PATCH', `/badges/${id}`, { active: true })).body.active).toBe(
      true,
    );
    expect(await awardsOf(id)).toHaveLength(3);
    const lena = (await call(org, 'sam', 'GET', `/members/${idOf(org, 'lena')}/badges`)).body;
    expect(lena.earned.map((e: { badge: { id: string } }) => e.badge.id)).toContain(id);
  });

  it('tells who earned what after commit: badge.awarded per award, points.changed for the bonus', async () => {
    const events = t.app.get(DomainEvents);
    const awarded: DomainEventMap['badge.awarded'][] = [];
    const changed: DomainEventMap['points.changed'][] = [];
    const off = [
      events.on('badge.awarded', (e) => awarded.push(e)),
      events.on('points.changed', (e) => changed.push(e)),
    ];
    try {
      const created = await call(
        org,
        'admin',
        'POST',
        '/badges',
        rule({
          name: 'Owner of It',
          icon: 'crown',
          metric: 'kudos_received_for_value',
          valueId: org.valueId,
          threshold: 3,
          bonusPoints: 5,
        }),
      );
      expect(created.status).toBe(201);
      const [award] = await awardsOf(created.body.id);
      expect(award.member_id).toBe(idOf(org, 'lena'));
      const orgId = await orgIdOf(org);
      expect(awarded).toEqual([
        {
          organizationId: orgId,
          memberId: idOf(org, 'lena'),
          awardId: expect.any(String),
          badge: {
            id: created.body.id,
            name: 'Owner of It',
            icon: 'crown',
            imageId: null,
            description: '',
            valueId: org.valueId,
            bonusPoints: 5,
          },
          windowStart: '1970-01-01',
          awardedAt: expect.any(Date),
        },
      ]);
      expect(changed).toEqual([{ organizationId: orgId, memberIds: [idOf(org, 'lena')] }]);
      // A badge without a bonus moves no points: no points.changed.
      changed.length = 0;
      await call(org, 'admin', 'POST', '/badges', rule({ name: 'Liked, plainly', threshold: 3 }));
      expect(awarded).toHaveLength(2);
      expect(changed).toEqual([]);
    } finally {
      off.forEach((f) => f());
    }
  });

  it('awards once when two evaluations run at the same time', async () => {
    const created = await call(
      org,
      'admin',
      'POST',
      '/badges',
      rule({ name: 'Giver', metric: 'kudos_given', threshold: 50, bonusPoints: 10 }),
    );
    const id = created.body.id;
    expect(await awardsOf(id)).toEqual([]);
    // Lower the bar behind the service's back, then race two evaluations of everyone.
    await t.db.query(`UPDATE badges SET threshold = 1 WHERE id = $1`, [id]);
    const badge = await t.db.getRepository(Badge).findOneByOrFail({ id });
    const awards = t.app.get(BadgeAwards);
    const orgId = await orgIdOf(org);
    const results = await Promise.all(
      [1, 2, 3].map(() => awards.award(orgId, badge, { memberIds: null, windows: 'all' })),
    );
    const givers = [idOf(org, 'sam'), idOf(org, 'omar'), idOf(org, 'zoe')].sort();
    expect((await awardsOf(id)).map((a) => a.member_id)).toEqual(givers);
    expect(
      results
        .flat()
        .map((a) => a.memberId)
        .sort(),
    ).toEqual(givers);
    const [{ n, points }] = await t.db.query(
      `SELECT count(*)::int AS n, sum(amount)::int AS points FROM ledger_entries
        WHERE source_type = 'badge' AND source_id IN (SELECT id FROM badge_awards WHERE badge_id = $1)`,
      [id],
    );
    expect({ n, points }).toEqual({ n: 3, points: 30 });
    expect((await verifyLedger(t.db.manager)).ok).toBe(true);
  });

  it('does not count withdrawn kudos', async () => {
    const res = await call(org, 'boss', 'POST', '/kudos', {
      recipientIds: [idOf(org, 'zoe')],
      valueId: org.valueId,
      message: 'Thanks, taking it back in a minute',
      points: 0,
    });
    await call(org, 'boss', 'DELETE', `/kudos/${res.body.id}`);
    await settled();
    const preview = await call(
      org,
      'admin',
      'POST',
      '/badges/preview',
      ruleOnly({ metric: 'kudos_given', threshold: 1 }),
    );
    expect(preview.body.members.map((m: { name: string }) => m.name)).not.toContain('boss');
  });

  it('awards windowed badges once per window', async () => {
    // Sessions last 14 days: log in mid-way, so the clock can go back and forth around it.
    clock.set('2026-05-04T08:00:00Z');
    const w = await orgFixture(t, { people: { ann: {}, ben: {}, cal: {} } });
    const at = async (iso: string, giver: string, to: string[]) => {
      clock.set(iso);
      await give(w, giver, to);
    };
    // Weeks from Monday 27 April, 4 May, 11 May; months April and May.
    await at('2026-04-27T10:00:00Z', 'ann', ['ben']);
    await at('2026-04-28T10:00:00Z', 'cal', ['ben']);
    await at('2026-05-04T10:00:00Z', 'ann', ['ben']);
    await at('2026-05-10T20:00:00Z', 'cal', ['ben']); // Sunday evening, still the week of 4 May
    await at('2026-05-11T10:00:00Z', 'ann', ['ben']);
    await at('2026-05-12T10:00:00Z', 'ann', ['cal']);
    await settled();

    const weekly = await call(
      w,
      'admin',
      'POST',
      '/badges',
      rule({ name: 'Star of the Week', window: 'week' }),
    );
    expect(await awardsOf(weekly.body.id)).toEqual([
      { member_id: idOf(w, 'ben'), window_start: '2026-04-27' },
      { member_id: idOf(w, 'ben'), window_start: '2026-05-04' },
    ]);
    const monthly = await call(
      w,
      'admin',
      'POST',
      '/badges',
      rule({ name: 'Star of the Month', window: 'month', threshold: 3 }),
    );
    expect(await awardsOf(monthly.body.id)).toEqual([
      { member_id: idOf(w, 'ben'), window_start: '2026-05-01' },
    ]);

    // This week ben has 1: the current window's progress says so.
    const progress = (await call(w, 'ben', 'GET', `/members/${idOf(w, 'ben')}/badges`)).body
      .progress;
    expect(progress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          badge: expect.objectContaining({ id: weekly.body.id }),
          current: 1,
          threshold: 2,
          windowStart: '2026-05-11',
        }),
      ]),
    );
    // A second kudos this week: the automatic evaluation awards this week's window, once.
    await at('2026-05-13T10:00:00Z', 'cal', ['ben']);
    await until(
      async () => (await awardsOf(weekly.body.id)).length === 3,
      10_000,
      'the weekly award',
    );
    await at('2026-05-14T10:00:00Z', 'ann', ['ben']);
    await settled();
    expect(await awardsOf(weekly.body.id)).toEqual([
      { member_id: idOf(w, 'ben'), window_start: '2026-04-27' },
      { member_id: idOf(w, 'ben'), window_start: '2026-05-04' },
      { member_id: idOf(w, 'ben'), window_start: '2026-05-11' },
    ]);
    // Re-running the rule (reactivation) awards nothing more.
    await call(w, 'admin', 'POST', `/badges/${weekly.body.id}/deactivate`);
    await call(w, 'admin', 'PATCH', `/badges/${weekly.body.id}`, { active: true });
    expect(await awardsOf(weekly.body.id)).toHaveLength(3);
  });
});
