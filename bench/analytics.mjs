// Analytics over a year of data: each endpoint's time beside a floor measured in the same run
// (a plain count of the same kudos rows), for a small and a large organisation.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

const ENDPOINTS = [
  'participation',
  'values',
  'fairness',
  'top-givers',
  'missions',
  'praise',
  'badges',
  'csv/not-recognised',
  'csv/top-givers',
];

/**
 * An organisation of `members` (in teams of 25, a fifth of them part-time) with a year of kudos
 * (`perMember` each on average, one or two recipients, three brand values, spread over the last
 * 365 days), written in bulk, and an admin session.
 */
export async function seedAnalyticsYear(databaseUrl, { members, perMember }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ id: org }] = (
      await client.query(
        `INSERT INTO organizations (name, timezone) VALUES ($1, 'UTC') RETURNING id`,
        [`Analytics ${members}`],
      )
    ).rows;
    const tag = randomBytes(3).toString('hex');
    const teams = Math.max(1, Math.ceil(members / 25));
    await client.query(
      `INSERT INTO teams (organization_id, name, name_key)
       SELECT $1, 'Store ' || g, 'store ' || g FROM generate_series(1, $2) g`,
      [org, teams],
    );
    await client.query(
      `WITH t AS (SELECT array_agg(id) AS ids FROM teams WHERE organization_id = $1)
       INSERT INTO members (organization_id, team_id, name, email, password_hash, role, part_time_factor)
       SELECT $1, t.ids[1 + (g % $3)], 'Member ' || g, 'a' || g || '-${tag}@bench.example', 'x',
              CASE WHEN g = 1 THEN 'admin' ELSE 'employee' END,
              CASE WHEN g % 5 = 0 THEN 0.5 ELSE 1 END
         FROM t, generate_series(1, $2) g`,
      [org, members, teams],
    );
    await client.query(
      `INSERT INTO brand_values (organization_id, name, name_key, hashtag, description, color, archived)
       SELECT $1, v, lower(v), v, '', '#0f766e', false FROM unnest(ARRAY['OwnIt', 'Care', 'Craft']) v`,
      [org],
    );
    const total = members * perMember;
    await client.query(
      `WITH m AS (SELECT array_agg(id) AS ids, array_agg(team_id) AS teams FROM members WHERE organization_id = $1),
       v AS (SELECT array_agg(id) AS ids FROM brand_values WHERE organization_id = $1),
       k AS (
         INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, created_at)
         SELECT $1, m.ids[1 + floor(random() * $2)::int], v.ids[1 + floor(random() * 3)::int],
                'A year of thanks', 1 + floor(random() * 10)::int,
                current_date - floor(random() * 365)::int, now()
           FROM m, v, generate_series(1, $3)
         RETURNING id
       ),
       r AS (
         SELECT DISTINCT k.id, 1 + floor(random() * $2)::int AS i
           FROM k, generate_series(1, 1 + (random() < 0.3)::int)
       )
       INSERT INTO kudos_recipients (kudos_id, member_id, organization_id, team_id)
       SELECT r.id, m.ids[r.i], $1, m.teams[r.i] FROM r, m
       ON CONFLICT DO NOTHING`,
      [org, members, total],
    );
    for (const table of ['kudos', 'kudos_recipients', 'members', 'teams']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
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
    const [{ n }] = (
      await client.query(`SELECT count(*)::int AS n FROM kudos WHERE organization_id = $1`, [org])
    ).rows;
    return { org, token, members, teams, kudos: n };
  } finally {
    await client.end();
  }
}

/** The median of `runs` timings of `task` (after one warm-up), in ms. */
async function timed(task, runs) {
  await task();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

/** Times every analytics endpoint over the year, and the floor: a count of the same rows. */
export async function analyticsTimings(url, databaseUrl, org, { runs = 5 } = {}) {
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const floorMs = await timed(
      () =>
        client.query(
          `SELECT count(*) FROM kudos k JOIN kudos_recipients r ON r.kudos_id = k.id
            WHERE k.organization_id = $1 AND k.occurred_on BETWEEN $2 AND $3`,
          [org.org, from, to],
        ),
      runs,
    );
    const endpoints = {};
    for (const path of ENDPOINTS) {
      let bytes = 0;
      // A failing endpoint (e.g. past the statement timeout) is a figure too: recorded, not fatal.
      const ms = await timed(async () => {
        const res = await fetch(`${url}/api/v1/analytics/${path}?from=${from}&to=${to}`, {
          headers: { authorization: `Bearer ${org.token}` },
        });
        const body = await res.arrayBuffer();
        if (res.status !== 200) {
          throw new Error(`${path} → ${res.status} ${Buffer.from(body).toString()}`);
        }
        bytes = body.byteLength;
      }, runs).catch((error) => ({ error: error.message.slice(0, 200) }));
      endpoints[path] =
        typeof ms === 'number'
          ? { ms, bytes, ratioToFloor: Math.round((ms / floorMs) * 100) / 100 }
          : ms;
    }
    return { from, to, floorMs, endpoints };
  } finally {
    await client.end();
  }
}
