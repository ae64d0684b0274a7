// Starting what the benchmark measures: PostgreSQL, the built app, a bare Fastify floor.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../test/support/free-port.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const require = createRequire(join(ROOT, 'api', 'package.json'));

export { freePort };

/**
 * BENCH_DATABASE_URL / TEST_DATABASE_URL as an admin connection, or an embedded PostgreSQL;
 * `label` tells apart the databases of sections that need one of their own.
 */
export async function startDatabase(label = '') {
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let server = 'external';
  if (!adminUrl) {
    const { startEmbeddedPostgres } = require('./dist/database/embedded-postgres.js');
    const dataDir = await mkdtemp(join(tmpdir(), 'bravo-bench-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = embedded.url;
    // The folder goes with the server: a full run leaves over a gigabyte otherwise.
    stop = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    server = 'embedded';
  }
  const name = `bravo_bench_${process.pid}${label && `_${label}`}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    server,
    stop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await stop();
    },
  };
}

/** Runs `node <file>` until it prints `ready` (or the app banner). */
export async function startProcess(args, env, readyText) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // However the bench ends (a crash included), it leaves no server behind.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return {
    child,
    /** Everything it printed until it was ready. */
    output,
    /** Everything it has printed so far (to explain a failure). */
    log: () => output,
    stop: () =>
      new Promise((resolve) =>
        child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGINT')),
      ),
  };
}

export async function startApp(databaseUrl) {
  const port = await freePort();
  const app = await startProcess(
    ['api/dist/main.js'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WEB_BUILD_DIR: join(ROOT, 'bench', 'no-web'),
      DB_POOL_SIZE: '40',
      LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    },
    'Bravo is running at',
  );
  return { ...app, url: `http://127.0.0.1:${port}` };
}

/** The framework floor: a bare Fastify server answering the same health route. */
export async function startBareFastify() {
  const port = await freePort();
  const code = `const f = require('fastify')(); f.get('/api/health', async () => ({ status: 'ok' })); f.listen({ port: ${port}, host: '127.0.0.1' }).then(() => console.log('ready'));`;
  const server = await startProcess(['-e', code], {}, 'ready');
  return { ...server, url: `http://127.0.0.1:${port}` };
}
