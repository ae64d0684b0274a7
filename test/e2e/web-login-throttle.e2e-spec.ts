import { randomBytes } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { buildWebIfNeeded, startAppProcess, type AppProcess } from '../support/app-process';
import { createTestDatabase } from '../support/test-database';

const MAX_PER_IP = 3;

/**
 * The login form goes through the web server, which calls the API itself: the
 * API must still count each browser on its own address, or one attacker's
 * failures would lock every other user out. Runs the built app behind a
 * (pretend) proxy, as docker-compose does.
 */
describe('web form logins behind a proxy', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess | undefined;

  beforeAll(async () => {
    buildWebIfNeeded();
    database = await createTestDatabase();
    app = await startAppProcess({
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      TRUST_PROXY: '1',
      LOGIN_MAX_ATTEMPTS_PER_IP: String(MAX_PER_IP),
    });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  /**
   * What the login form posts (as use:enhance does, for an answer in JSON), as
   * the proxy forwards it for the browser at `address`.
   */
  const formLogin = async (address: string, email: string, password: string) => {
    const response = await fetch(`${app!.url}/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'x-sveltekit-action': 'true',
        origin: app!.url,
        // The left-most entry is whatever the browser wrote; the proxy appended the real one.
        'x-forwarded-for': `${randomBytes(3).join('.')}.1, ${address}`,
      },
      body: new URLSearchParams({ email, password, next: '/' }),
    });
    return {
      outcome: (await response.json()) as { type: string; status: number; data?: string },
      cookie: response.headers.get('set-cookie'),
    };
  };

  it('counts each browser on its own address, so one cannot lock out another', async () => {
    const victim = await new ApiClient(app!.url).signup({
      email: `victim-${randomBytes(4).toString('hex')}@example.com`,
      password: 'victim-password',
    });

    const attacker = '203.0.113.66';
    for (let i = 0; i < MAX_PER_IP; i++) {
      const guess = await formLogin(attacker, `guess-${i}@example.com`, 'wrong-password');
      expect(guess.outcome).toMatchObject({ type: 'failure', status: 401 });
    }
    const blocked = await formLogin(attacker, victim.member.email, 'victim-password');
    expect(blocked.outcome).toMatchObject({ type: 'failure', status: 429 });
    expect(blocked.outcome.data).toContain('too_many_attempts');

    const login = await formLogin('203.0.113.77', victim.member.email, 'victim-password');
    expect(login.outcome).toMatchObject({ type: 'redirect', status: 303 });
    expect(login.cookie).toMatch(/bravo_session=/);
  });
});
