// The measured scenarios. Each returns figures; run.mjs prints them as JSON.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { addMember, okApi, signUp } from '../test/support/bravo-api.js';
import { request, runLoad } from './load.mjs';
import { require } from './setup.mjs';

/** An organisation with 32 givers and 32 recipients, and rules that let only the load decide. */
export async function setupOrg(url, givers = 32, receivers = 32) {
  const suffix = randomBytes(4).toString('hex');
  const signup = await signUp(url, {
    organizationName: `Bench ${suffix}`,
    name: 'Bench Admin',
    email: `admin-${suffix}@bench.example`,
    password: 'bench-password',
    timezone: 'UTC',
  });
  const as = { token: signup.token };
  await okApi(url, 'PATCH', '/api/v1/organization', {
    ...as,
    body: {
      rules: {
        allowanceEmployee: 100000,
        allowanceManager: 100000,
        maxKudosPerDay: 1000,
        maxShareToOneRecipientPercent: 100,
      },
    },
  });
  const value = await okApi(url, 'POST', '/api/v1/values', {
    ...as,
    body: { name: 'Own It', hashtag: 'OwnIt' },
  });
  const people = await Promise.all(
    Array.from({ length: givers + receivers }, (_, i) =>
      addMember(
        url,
        signup.token,
        { email: `p${i}-${suffix}@bench.example`, name: `Person ${i}`, role: 'employee' },
        'bench-password',
      ),
    ),
  );
  return {
    organizationId: signup.member.organization.id,
    adminToken: signup.token,
    valueId: value.id,
    givers: people.slice(0, givers),
    recipients: people.slice(givers),
  };
}

export async function kudosViaApi(url, org, { concurrency, total }) {
  return runLoad({
    concurrency,
    total,
    task: async (i, worker) => {
      const giver = org.givers[worker % org.givers.length];
      const res = await request(`${url}/api/v1/kudos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${giver.token}` },
        body: {
          recipientIds: [org.recipients[i % org.recipients.length].member.id],
          valueId: org.valueId,
          message: `Benchmark thanks #${i}`,
          points: 1,
        },
      });
      return res.status === 201;
    },
  });
}

/** The floor: the same debit + kudos rows + ledger/totals SQL, straight through pg. */
export async function kudosViaSql(databaseUrl, org, { concurrency, total }) {
  require('reflect-metadata');
  const { PointsService } = require('./dist/points/points.service.js');
  const points = new PointsService();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  const day = new Date().toISOString().slice(0, 10);
  try {
    return await runLoad({
      concurrency,
      total,
      task: async (i, worker) => {
        const giver = org.givers[worker % org.givers.length].member;
        const recipient = org.recipients[i % org.recipients.length].member;
        const client = await pool.connect();
        const manager = { query: (sql, params) => client.query(sql, params).then((r) => r.rows) };
        try {
          await client.query('BEGIN');
          await points.debitAllowance(manager, {
            organizationId: org.organizationId,
            memberId: giver.id,
            periodStart: `${day.slice(0, 8)}01`,
            monthlyTotal: 100000,
            amount: 1,
          });
          const [kudos] = await manager.query(
            `INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
            [org.organizationId, giver.id, org.valueId, `Floor thanks #${i}`, 1, day, new Date()],
          );
          await manager.query(
            `INSERT INTO kudos_recipients (kudos_id, member_id, organization_id, team_id) VALUES ($1, $2, $3, $4)`,
            [kudos.id, recipient.id, org.organizationId, null],
          );
          await points.record(
            manager,
            org.organizationId,
            [
              {
                memberId: recipient.id,
                account: 'earned',
                amount: 1,
                teamId: null,
                occurredOn: day,
                sourceType: 'kudos',
                sourceId: kudos.id,
              },
              {
                memberId: giver.id,
                account: 'given',
                amount: 1,
                teamId: null,
                occurredOn: day,
                sourceType: 'kudos',
                sourceId: kudos.id,
              },
            ],
            new Date(),
          );
          await client.query('COMMIT');
          return true;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
    });
  } finally {
    await pool.end();
  }
}

export function health(url, { concurrency, total }) {
  return runLoad({
    concurrency,
    total,
    task: async () => (await request(`${url}/api/health`)).status === 200,
  });
}

/**
 * An organisation of `members` people with `perMember` ledger rows each, written
 * straight in SQL (with their totals), and a session for one member in the middle.
 */
export async function seedBoard(databaseUrl, { members, perMember }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ id: org }] = (
      await client.query(
        `INSERT INTO organizations (name, timezone) VALUES ($1, 'UTC') RETURNING id`,
        [`Board ${members}`],
      )
    ).rows;
    const tag = randomBytes(3).toString('hex');
    await client.query(
      `INSERT INTO members (organization_id, name, email, password_hash, role)
       SELECT $1, 'Member ' || g, 'm' || g || '-${tag}@bench.example', 'x', 'employee' FROM generate_series(1, $2) g`,
      [org, members],
    );
    const today = new Date().toISOString().slice(0, 10);
    await client.query(
      `INSERT INTO ledger_entries (organization_id, member_id, account, amount, source_type, occurred_on, created_at)
       SELECT $1, m.id, 'earned', 1 + (random() * 20)::int, 'adjustment', $3::date - (random() * 20)::int, now()
         FROM members m CROSS JOIN generate_series(1, $2) WHERE m.organization_id = $1`,
      [org, perMember, today],
    );
    await client.query(
      `INSERT INTO point_totals (member_id, account, period_type, period_start, organization_id, points)
       SELECT member_id, account, 'all', DATE '1970-01-01', $1, sum(amount) FROM ledger_entries WHERE organization_id = $1 GROUP BY 1, 2
       UNION ALL SELECT member_id, account, 'month', date_trunc('month', occurred_on)::date, $1, sum(amount) FROM ledger_entries WHERE organization_id = $1 GROUP BY 1, 2, 4
       UNION ALL SELECT member_id, account, 'week', date_trunc('week', occurred_on)::date, $1, sum(amount) FROM ledger_entries WHERE organization_id = $1 GROUP BY 1, 2, 4`,
      [org],
    );
    await client.query('VACUUM ANALYZE point_totals');
    await client.query('VACUUM ANALYZE members');
    const [me] = (
      await client.query(
        `SELECT member_id FROM point_totals WHERE organization_id = $1 AND period_type = 'all' ORDER BY points DESC OFFSET $2 LIMIT 1`,
        [org, Math.floor(members / 2)],
      )
    ).rows;
    const token = randomBytes(32).toString('base64url');
    await client.query(
      `INSERT INTO sessions (organization_id, member_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
      [org, me.member_id, createHash('sha256').update(token).digest('hex')],
    );
    const [{ n }] = (
      await client.query(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE organization_id = $1`,
        [org],
      )
    ).rows;
    return { token, ledgerRows: n, members };
  } finally {
    await client.end();
  }
}

export function boardReads(url, token, { concurrency, total }) {
  return runLoad({
    concurrency,
    total,
    task: async () => {
      const res = await request(`${url}/api/v1/leaderboards/members?period=month&limit=20`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return res.status === 200 && JSON.parse(res.text).me !== null;
    },
  });
}
