import { randomBytes } from 'node:crypto';
import { WEB_CLIENT_HEADERS } from '@bravo/shared';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const MAX_PER_IP = 3;
const WEB_API_SECRET = randomBytes(32).toString('hex');

/**
 * Login throttling per client address, behind proxies: the client is the
 * right-most address no trusted proxy vouches for, and the web server names
 * the browser only with the secret it shares with the API.
 */
describe('the client address that per-IP limits key on', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startTestApp({
      shareDatabaseOf: apps[0],
      env: { LOGIN_MAX_ATTEMPTS_PER_IP: String(MAX_PER_IP), WEB_API_SECRET, ...env },
    });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps.reverse()) {
      await t.close();
    }
  });

  /** A failed login for a fresh account, so only the per-address limit can answer 429. */
  const attempt = async (t: TestApp, headers: Record<string, string>) =>
    (
      await t.api.call('POST', '/api/v1/auth/login', {
        body: { email: `nobody-${randomBytes(4).toString('hex')}@example.com`, password: 'wrong' },
        headers,
      })
    ).status;
  const spoofed = () => `${1 + (randomBytes(1)[0] % 200)}.${randomBytes(3).join('.')}`;
  /** Uses up the limit with these headers; the next attempt with them must be refused. */
  const exhaust = async (t: TestApp, headers: () => Record<string, string>) => {
    for (let i = 0; i < MAX_PER_IP; i++) {
      expect(await attempt(t, headers())).toBe(401);
    }
    expect(await attempt(t, headers())).toBe(429);
  };

  it('behind one trusted hop, a rotating left-most X-Forwarded-For is still one client', async () => {
    const t = await start({ TRUST_PROXY: 'true' });
    // The proxy appends the address it saw (198.51.100.7); the client wrote the rest.
    await exhaust(t, () => ({ 'x-forwarded-for': `${spoofed()}, 198.51.100.7` }));
    expect(await attempt(t, { 'x-forwarded-for': `${spoofed()}, 198.51.100.8` })).toBe(401);
  });

  it('with a hop count, the address that many hops back is the client', async () => {
    const t = await start({ TRUST_PROXY: '2' });
    await exhaust(t, () => ({ 'x-forwarded-for': `${spoofed()}, 198.51.100.9, 10.0.0.2` }));
    // Another client behind the same two proxies is not blocked.
    expect(await attempt(t, { 'x-forwarded-for': `198.51.100.10, 10.0.0.2` })).toBe(401);
  });

  it('with a list of proxies, the right-most address not on it is the client', async () => {
    const t = await start({ TRUST_PROXY: '127.0.0.1/8, ::1, 10.0.0.0/8' });
    await exhaust(t, () => ({
      'x-forwarded-for': `${spoofed()}, 198.51.100.11, 10.${randomBytes(3).join('.')}`,
    }));
    expect(await attempt(t, { 'x-forwarded-for': '198.51.100.12, 10.9.9.9' })).toBe(401);
    // A proxy not on the list is itself the client: what it forwards is not believed.
    await exhaust(t, () => ({ 'x-forwarded-for': `${spoofed()}, 203.0.113.50` }));
  });

  it('by default nobody is trusted: a loopback client’s own X-Forwarded-For is ignored', async () => {
    const t = await start({});
    await exhaust(t, () => ({ 'x-forwarded-for': spoofed() }));
  });

  it('believes the web server’s client address only with the shared secret', async () => {
    const t = await start({});
    const fromWeb = (address: string, secret = WEB_API_SECRET) => ({
      [WEB_CLIENT_HEADERS.secret]: secret,
      [WEB_CLIENT_HEADERS.address]: address,
    });
    await exhaust(t, () => fromWeb('203.0.113.20'));
    // Another browser behind the same web server is its own client.
    expect(await attempt(t, fromWeb('203.0.113.21'))).toBe(401);
    // Without the right secret the header is just a claim: the caller is keyed on its own address.
    await exhaust(t, () => fromWeb(spoofed(), 'x'.repeat(64)));
    expect(await attempt(t, { [WEB_CLIENT_HEADERS.address]: spoofed() })).toBe(429);
    expect(await attempt(t, fromWeb('not-an-address'))).toBe(429);
  });
});
