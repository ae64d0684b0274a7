import { PasswordHasher } from '../../src/auth/password-hasher';
import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates Aurora Coffee once, with working logins for each role', async () => {
    const logins = await seedDemoIfEmpty(t.db, t.app.get(PasswordHasher));
    expect(logins?.map((l) => l.role)).toEqual(['admin', 'manager', 'employee']);
    expect(await seedDemoIfEmpty(t.db, t.app.get(PasswordHasher))).toBeNull();

    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM teams) AS teams, (SELECT count(*)::int FROM members) AS members,
              (SELECT count(*)::int FROM brand_values) AS "values"`,
    );
    expect(counts).toEqual({ teams: 3, members: 24, values: 5 });

    for (const login of logins ?? []) {
      const res = await t.api.call('POST', '/api/v1/auth/login', {
        body: { email: login.email, password: login.password },
      });
      expect(res.status).toBe(200);
      expect(res.body.member.role).toBe(login.role);
    }
    // Two months of history, within the rules, on the same ledger as live kudos.
    const [history] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM kudos) AS kudos,
              (SELECT min(occurred_on) FROM kudos) AS first,
              (SELECT count(*)::int FROM allowances WHERE spent > total) AS overdrawn,
              (SELECT count(*)::int FROM kudos_reactions) AS reactions`,
    );
    expect(history.kudos).toBeGreaterThan(150);
    expect(history.overdrawn).toBe(0);
    expect(history.reactions).toBeGreaterThan(0);
    expect(Date.now() - new Date(history.first).getTime()).toBeGreaterThan(55 * 86_400_000);
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true });

    // The starter badges (one Value Champion per value), awarded for the history.
    const [badges] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM badges) AS badges,
              (SELECT count(*)::int FROM badges WHERE metric = 'kudos_received_for_value') AS champions,
              (SELECT count(*)::int FROM badge_awards a JOIN badges b ON b.id = a.badge_id WHERE b.name = 'First Bravo') AS "firstBravo",
              (SELECT count(DISTINCT giver_id)::int FROM kudos) AS givers,
              (SELECT count(*)::int FROM badge_awards a JOIN badges b ON b.id = a.badge_id WHERE b.name = 'Mission Accomplished') AS accomplished,
              (SELECT count(DISTINCT member_id)::int FROM mission_submissions WHERE status = 'approved') AS completers`,
    );
    expect(badges).toMatchObject({ badges: 11, champions: 5 });
    expect(badges.firstBravo).toBe(badges.givers);
    expect(badges.accomplished).toBe(badges.completers);
    expect(badges.completers).toBeGreaterThan(0);
    // Brand Ambassador: exactly those who completed every mission of this month for their team.
    const ambassadors: { member_id: string; window_start: string }[] = await t.db.query(
      `SELECT a.member_id, a.window_start::text AS window_start FROM badge_awards a
         JOIN badges b ON b.id = a.badge_id WHERE b.name = 'Brand Ambassador' ORDER BY 1`,
    );
    const everyMission: { id: string }[] = await t.db.query(
      `SELECT m.id FROM members m
        WHERE EXISTS (SELECT 1 FROM mission_submissions s WHERE s.member_id = m.id AND s.status = 'approved')
          AND NOT EXISTS (
                SELECT 1 FROM missions x
                 WHERE x.published_at IS NOT NULL AND (x.team_ids = '{}' OR m.team_id = ANY(x.team_ids))
                   AND NOT EXISTS (SELECT 1 FROM mission_submissions s
                                    WHERE s.mission_id = x.id AND s.member_id = m.id AND s.status = 'approved'))
        ORDER BY 1`,
    );
    expect(ambassadors.length).toBeGreaterThan(0);
    expect(ambassadors.map((a) => a.member_id)).toEqual(everyMission.map((m) => m.id));
    expect(new Set(ambassadors.map((a) => a.window_start.slice(8)))).toEqual(new Set(['01']));

    // Members joined before the history they appear in, and no two kudos say the same.
    const [realism] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM members m
                WHERE m.created_at > (SELECT min(k.created_at) FROM kudos k
                                       WHERE k.giver_id = m.id
                                          OR k.id IN (SELECT kudos_id FROM kudos_recipients r WHERE r.member_id = m.id))) AS "joinedLate",
              (SELECT count(DISTINCT created_at::date)::int FROM members) AS "joinDays",
              (SELECT count(*) - count(DISTINCT message) FROM kudos)::int AS repeats`,
    );
    expect(realism).toMatchObject({ joinedLate: 0, repeats: 0 });
    expect(realism.joinDays).toBeGreaterThan(20);

    const manager = logins?.find((l) => l.role === 'manager');
    const session = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: manager?.email, password: manager?.password },
    });
    expect(session.body.member.managedTeamIds).toHaveLength(1);

    // This month's missions: one of each kind running (Harbour Street sees three of them), with the store manager's queue not empty.
    const token = session.body.token as string;
    const missions = await t.api.call('GET', '/api/v1/missions', { token });
    expect(missions.status).toBe(200);
    expect(
      missions.body
        .map((m: { kind: string; evidence: string | null }) => m.evidence ?? m.kind)
        .sort(),
    ).toEqual(['none', 'quiz', 'text']);
    // …and Old Town a tracked goal of its own.
    const [tracked] = await t.db.query(
      `SELECT count(*)::int AS n FROM missions WHERE kind = 'tracked' AND published_at IS NOT NULL`,
    );
    expect(tracked.n).toBe(1);
    expect(missions.body.every((m: { phase: string }) => m.phase === 'active')).toBe(true);
    const queue = await t.api.call('GET', '/api/v1/mission-submissions/pending', { token });
    expect(queue.body).toHaveLength(2);
    const [done] = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE source_type = 'mission'`,
    );
    expect(done.n).toBeGreaterThan(5);

    // Customers' words: two stories wait in Omar's queue, approved ones are in the feed, paid once each.
    const praise = await t.api.call('GET', '/api/v1/praise/pending', { token });
    expect(praise.body).toHaveLength(2);
    const [lena] = await t.db.query(`SELECT id FROM members WHERE name = 'Lena Fischer'`);
    const feed = await t.api.call('GET', `/api/v1/feed?memberId=${lena.id}&limit=50`, { token });
    expect(feed.body.items.some((i: { kind: string }) => i.kind === 'praise')).toBe(true);
    const [paid] = await t.db.query(
      `SELECT count(*)::int AS lines, count(DISTINCT source_id)::int AS stories
         FROM ledger_entries WHERE source_type = 'praise'`,
    );
    expect(paid).toEqual({ lines: 4, stories: 3 });
    const [hero] = await t.db.query(
      `SELECT count(*)::int AS n FROM badge_awards a JOIN badges b ON b.id = a.badge_id
        WHERE b.metric = 'praise_approved'`,
    );
    expect(hero.n).toBe(4);
  });
});
