// The badges section: do badges and tracked missions slow giving? Same load, two organisations, one run.
import { okApi } from '../test/support/bravo-api.js';
import { kudosViaApi } from './scenarios.mjs';

const METRICS = [
  ['kudos_given', 'all_time'],
  ['kudos_received', 'month'],
  ['distinct_colleagues_recognised', 'all_time'],
  ['kudos_received_for_value', 'week'],
  ['weekly_giving_streak', 'all_time'],
];

/** Turns the organisation's starter badges off: the baseline evaluates nothing. */
export async function withoutBadges(url, org) {
  const badges = await okApi(url, 'GET', '/api/v1/badges', { token: org.adminToken });
  for (const badge of badges) {
    await okApi(url, 'POST', `/api/v1/badges/${badge.id}/deactivate`, { token: org.adminToken });
  }
  return 0;
}

/** Tops the organisation up to `count` active badges over every kudos metric and window. */
export async function withBadges(url, org, count) {
  const active = await okApi(url, 'GET', '/api/v1/badges', { token: org.adminToken });
  for (let i = active.length; i < count; i++) {
    const [metric, window] = METRICS[i % METRICS.length];
    await okApi(url, 'POST', '/api/v1/badges', {
      token: org.adminToken,
      body: {
        name: `Bench badge ${i}`,
        icon: 'star',
        description: 'Bench',
        bonusPoints: i % 2 ? 5 : 0,
        metric,
        threshold: 5 + i * 7,
        window: metric === 'weekly_giving_streak' ? 'all_time' : window,
        ...(metric === 'kudos_received_for_value' ? { valueId: org.valueId } : {}),
      },
    });
  }
  return (await okApi(url, 'GET', '/api/v1/badges', { token: org.adminToken })).length;
}

const TRACKED = [
  'kudos_given',
  'kudos_given_for_value',
  'kudos_received',
  'kudos_received_for_value',
  'distinct_colleagues_recognised',
  'distinct_givers',
];

/**
 * `count` running tracked missions for everyone, over every tracked metric, low enough that
 * members complete them (several times) during the run, two with a team target.
 */
export async function withTrackedMissions(url, org, count) {
  for (let i = 0; i < count; i++) {
    const metric = TRACKED[i % TRACKED.length];
    const mission = await okApi(url, 'POST', '/api/v1/missions', {
      token: org.adminToken,
      body: {
        title: `Bench tracked ${i}`,
        points: 5,
        teamIds: [],
        kind: 'tracked',
        maxCompletions: 10,
        tracked: { metric, threshold: 2 + i },
        ...(metric.endsWith('_for_value') ? { valueId: org.valueId } : {}),
        ...(i < 2 ? { teamTarget: { completions: 50 + i * 50, bonus: 3 } } : {}),
      },
    });
    await okApi(url, 'POST', `/api/v1/missions/${mission.id}/publish`, { token: org.adminToken });
  }
  const running = await okApi(url, 'GET', '/api/v1/missions', { token: org.adminToken });
  return running.filter((m) => m.kind === 'tracked').length;
}

/**
 * Kudos throughput with `count` active badges ÷ with none, in alternating rounds (best of
 * each), so a neighbour's burst of CPU does not decide the ratio.
 */
export async function badgeOverhead(url, plain, badged, { load, rounds }) {
  const best = (a, b) => (!a || b.throughputPerSec > a.throughputPerSec ? b : a);
  await kudosViaApi(url, plain, { concurrency: load.concurrency, total: 200 });
  await kudosViaApi(url, badged, { concurrency: load.concurrency, total: 200 });
  let without;
  let withThem;
  for (let round = 0; round < rounds; round++) {
    without = best(without, await kudosViaApi(url, plain, load));
    withThem = best(withThem, await kudosViaApi(url, badged, load));
  }
  return { without, with: withThem };
}

/**
 * An organisation of `members` with a year of kudos (`perMember` each on average, one
 * recipient, spread over the last 365 days), written in bulk, and an admin session.
 */
export async function seedKudosYear(databaseUrl, { members, perMember }) {
  const { createHash, randomBytes } = await import('node:crypto');
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ id: org }] = (
      await client.query(
        `INSERT INTO organizations (name, timezone) VALUES ($1, 'UTC') RETURNING id`,
        [`Year ${members}`],
      )
    ).rows;
    const tag = randomBytes(3).toString('hex');
    await client.query(
      `INSERT INTO members (organization_id, name, email, password_hash, role)
       SELECT $1, 'Member ' || g, 'y' || g || '-${tag}@bench.example', 'x',
              CASE WHEN g = 1 THEN 'admin' ELSE 'employee' END
         FROM generate_series(1, $2) g`,
      [org, members],
    );
    const [{ id: value }] = (
      await client.query(
        `INSERT INTO brand_values (organization_id, name, name_key, hashtag, description, color, archived)
         VALUES ($1, 'Own It', 'own it', 'OwnIt', '', '#0f766e', false) RETURNING id`,
        [org],
      )
    ).rows;
    const total = members * perMember;
    await client.query(
      `WITH m AS (SELECT array_agg(id) AS ids FROM members WHERE organization_id = $1),
       k AS (
         INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, created_at)
         SELECT $1, m.ids[1 + floor(random() * $3)::int], $2, 'A year of thanks', 1,
                current_date - floor(random() * 365)::int, now()
           FROM m, generate_series(1, $4)
         RETURNING id, giver_id
       )
       INSERT INTO kudos_recipients (kudos_id, member_id, organization_id)
       SELECT k.id, m.ids[1 + floor(random() * $3)::int], $1 FROM k, m`,
      [org, value, members, total],
    );
    await client.query('VACUUM ANALYZE kudos');
    await client.query('VACUUM ANALYZE kudos_recipients');
    const [admin] = (
      await client.query(
        `SELECT id FROM members WHERE organization_id = $1 AND role = 'admin' LIMIT 1`,
        [org],
      )
    ).rows;
    const token = randomBytes(32).toString('base64url');
    await client.query(
      `INSERT INTO sessions (organization_id, member_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
      [org, admin.id, createHash('sha256').update(token).digest('hex')],
    );
    return { token, members, kudos: total };
  } finally {
    await client.end();
  }
}

/** Creates a badge over the year (received 2 kudos in one month, every past month) and times it. */
export async function retroactiveAward(url, org) {
  const started = performance.now();
  const created = await okApi(url, 'POST', '/api/v1/badges', {
    token: org.token,
    body: {
      name: 'Busy month',
      icon: 'fire',
      description: 'Received 2 kudos in one month.',
      bonusPoints: 0,
      metric: 'kudos_received',
      threshold: 2,
      window: 'month',
    },
  });
  const ms = Math.round(performance.now() - started);
  return { badgeId: created.id, createAndAwardMs: ms };
}
