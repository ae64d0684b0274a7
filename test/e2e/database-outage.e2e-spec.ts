import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionDto } from '@bravo/shared';
import { Client, Pool, type PoolConfig } from 'pg';
import { BoundedClient, type BoundedClientConfig } from '../../api/src/database/bounded-client';
import { CLIENT_GRACE_MS } from '../../api/src/database/data-source-options';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { freePort } from '../support/free-port';
import { freezePostgres } from '../support/postgres-freeze';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { until } from '../support/wait';

const STATEMENT_TIMEOUT_MS = 1000;
const ENV = {
  DB_POOL_SIZE: '4',
  DB_CONNECT_TIMEOUT_MS: '500',
  DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1500',
};
/** The slowest answer allowed while frozen: the client-side bound plus a margin for a busy machine. */
const FROZEN_BOUND_MS = STATEMENT_TIMEOUT_MS + CLIENT_GRACE_MS + 1500;

/** The built Bravo on a PostgreSQL server of the test's own, which it stops, restarts and freezes. */
describe('when PostgreSQL stops or freezes', () => {
  let dataDir: string;
  let port: number;
  let pg: PostgresServer | undefined;
  let app: AppProcess | undefined;
  let api: ApiClient;
  let admin: SessionDto;
  let thaw: (() => void) | undefined;
  let teams = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bravo-outage-'));
    port = await freePort();
    pg = await startPostgresServer(dataDir, port);
    app = await startAppProcess({ ...ENV, DATABASE_URL: pg.url, SEED_DEMO: 'false' });
    api = new ApiClient(app.url);
    admin = await api.signup();
  }, 90_000);

  afterAll(async () => {
    thaw?.();
    await app?.stop();
    await pg?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  type Timed = ApiResponse & { ms: number; what: string };

  const timed = async (method: string, path: string, body?: unknown): Promise<Timed> => {
    const started = Date.now();
    const res = await api.call(method, path, { token: admin.token, body });
    return { ...res, ms: Date.now() - started, what: `${method} ${path}` };
  };

  /** A mix that reaches the database differently: the auth guard, reads, a write transaction, readiness. */
  const round = (): Promise<Timed>[] => [
    timed('GET', '/api/v1/me'),
    timed('GET', '/api/v1/members'),
    timed('GET', '/api/v1/kudos'),
    timed('POST', '/api/v1/teams', { name: `Team ${++teams}` }),
    timed('GET', '/api/health/ready'),
  ];

  const expectUnavailable = (answers: Timed[], boundMs: number) => {
    for (const res of answers) {
      expect({ what: res.what, status: res.status, body: res.body }).toEqual({
        what: res.what,
        status: 503,
        body: { statusCode: 503, code: 'database_unavailable', message: expect.any(String) },
      });
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect({ what: res.what, late: res.ms > boundMs ? `${res.ms} ms` : false }).toEqual({
        what: res.what,
        late: false,
      });
    }
  };

  const expectServed = async () => {
    for (let i = 0; i < 3; i++) {
      for (const res of await Promise.all(round())) {
        expect({ what: res.what, status: res.status }).toEqual({
          what: res.what,
          status: res.what.startsWith('POST') ? 201 : 200,
        });
        expect(res.ms).toBeLessThan(FROZEN_BOUND_MS);
      }
    }
  };

  const ready = async () =>
    (await api.call('GET', '/api/health/ready').catch(() => ({ status: 0 }))).status === 200;

  it('a stopped server: 503 database_unavailable at once, and served again once it is back', async () => {
    await expectServed();
    await pg?.stop();
    pg = undefined;

    // A refused connection is known at once: no waiting for any timeout.
    expectUnavailable(await Promise.all([...round(), ...round()]), 1000);

    pg = await startPostgresServer(dataDir, port);
    await until(ready, 15_000);
    await expectServed();
  }, 60_000);

  it('a frozen server: every request answers 503 within the timeouts, and all succeed after SIGCONT', async () => {
    await expectServed();
    thaw = freezePostgres((pg as PostgresServer).databaseDir);
    try {
      // More requests than the pool holds: some wait on connections that never answer, the rest for a free one.
      expectUnavailable(await Promise.all([...round(), ...round(), ...round()]), FROZEN_BOUND_MS);
      // The pool dropped the connections that hung; new ones cannot get past the handshake either.
      expectUnavailable(await Promise.all(round()), FROZEN_BOUND_MS);
      // A load balancer's readiness probe hears "not ready" within about a second.
      expectUnavailable([await timed('GET', '/api/health/ready')], 1000 + 800);
    } finally {
      thaw();
    }
    await expectServed();

    // Nothing of the outage lingers: no connection left inside a transaction, every write committed.
    const probe = new Client({ connectionString: (pg as PostgresServer).url });
    await probe.connect();
    try {
      const { rows } = await probe.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(rows[0].n).toBe(0);
      const names = await probe.query<{ name: string }>(`SELECT name FROM teams WHERE name = $1`, [
        `Team ${teams}`,
      ]);
      expect(names.rows).toHaveLength(1);
    } finally {
      await probe.end();
    }
  }, 60_000);

  it('drops a connection whose query got no answer, instead of handing it to the next request', async () => {
    const config: PoolConfig & BoundedClientConfig = {
      connectionString: (pg as PostgresServer).url,
      max: 1,
      Client: BoundedClient,
      queryTimeoutMs: 300,
    };
    const pool = new Pool(config);
    const client = await pool.connect();
    // As TypeORM does: a checked-out client reports a broken connection here.
    const broken: Error[] = [];
    client.on('error', (error) => broken.push(error));
    thaw = freezePostgres((pg as PostgresServer).databaseDir);
    try {
      const started = Date.now();
      await expect(client.query('SELECT 1')).rejects.toThrow(/Connection terminated/);
      expect(Date.now() - started).toBeLessThan(300 + 1000);
      expect(broken).toHaveLength(1);
      client.release();
      expect(pool.totalCount).toBe(0);
    } finally {
      thaw();
    }
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });
});
