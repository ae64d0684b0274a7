import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { freePort } from '../support/free-port';

/** The built app on embedded PostgreSQL keeps its data across a stop and a start. */
describe('restart on embedded PostgreSQL', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let running: AppProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bravo-restart-'));
    env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), SEED_DEMO: 'true' };
  });
  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds once, keeps data created before the restart, and stops PostgreSQL cleanly', async () => {
    running = await startAppProcess(env);
    expect(running.output()).toContain('Demo organisation "Aurora Coffee" created');
    const api = new ApiClient(running.url);
    const session = await api.signup({
      organizationName: 'Persistent Pastries',
      email: 'keep@example.com',
      password: 'keep-password',
    });
    const team = await api.call('POST', '/api/v1/teams', {
      token: session.token,
      body: { name: 'Survives Restarts' },
    });
    expect(team.status).toBe(201);

    // A second Bravo on the same folder is refused with a readable reason.
    await expect(startAppProcess(env)).rejects.toThrow(
      /did not start[\s\S]*another Bravo already running/,
    );

    expect(await running.stop('SIGINT')).toBe(0);
    running = undefined;

    running = await startAppProcess(env);
    // The demo is not seeded twice on a database that has data.
    expect(running.output()).not.toContain('Demo organisation');
    const again = new ApiClient(running.url);
    const login = await again.call('POST', '/api/v1/auth/login', {
      body: { email: 'keep@example.com', password: 'keep-password' },
    });
    expect(login.status).toBe(200);
    const teams = await again.call('GET', '/api/v1/teams', { token: login.body.token });
    expect(teams.body).toEqual([expect.objectContaining({ name: 'Survives Restarts' })]);
    const demo = await again.call('POST', '/api/v1/auth/login', {
      body: { email: 'amira.haddad@aurora.example', password: 'bravo-demo' },
    });
    expect(demo.status).toBe(200);
    const members = await again.call('GET', '/api/v1/members?limit=200', {
      token: demo.body.token,
    });
    expect(members.body.total).toBe(24);
  }, 120_000);
});
