import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../../src/common/startup-error';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { freePort } from '../../../test/support/free-port';
import { createTestDatabase } from '../../../test/support/test-database';

/** Whether something accepts connections on the port right now. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A web build the test finishes by hand, which tells when the server starts waiting for it. */
function webBuild() {
  let finish!: (error?: Error) => void;
  let awaited!: () => void;
  const waitedOn = new Promise<void>((resolve) => (awaited = resolve));
  const done = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  const webReady: PromiseLike<void> = {
    then: (onDone, onFailed) => {
      awaited();
      return done.then(onDone, onFailed);
    },
  };
  return { webReady, waitedOn, finish };
}

/** `npm start` boots the API and its database while the web builds, and listens after both. */
describe('starting while the web builds', () => {
  let webDir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'bravo-no-web-'));
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  const env = (port: number) => ({
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    WEB_BUILD_DIR: webDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });

  it('does not listen until the web build is done, then serves both', async () => {
    const port = await freePort();
    const build = webBuild();
    const starting = startServer(env(port), { webReady: build.webReady });

    // Migrated and booted, it waits for the web: nothing answers on the port yet.
    await build.waitedOn;
    expect(await listening(port)).toBe(false);

    build.finish();
    server = await starting;
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    // The (empty) build directory has no web app: the page says how to build it.
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
  });

  it('gives up with the build’s failure, listening never', async () => {
    const port = await freePort();
    const build = webBuild();
    const starting = startServer(env(port), { webReady: build.webReady });
    await build.waitedOn;

    build.finish(new StartupError('building @bravo/web failed'));
    await expect(starting).rejects.toThrow('building @bravo/web failed');
    expect(await listening(port)).toBe(false);
  });
});
