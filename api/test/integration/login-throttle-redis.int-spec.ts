import { randomBytes } from 'node:crypto';
import { redisReachable, TEST_REDIS_URL } from '../../../test/support/redis-probe';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const redisUp = redisReachable();
if (!redisUp) {
  console.warn(
    `SKIPPED shared login throttle test: no Redis answers at ${TEST_REDIS_URL} (set TEST_REDIS_URL to run it).`,
  );
}
const itWithRedis = redisUp ? it : it.skip;

/** With REDIS_URL, every instance counts the same login attempts. */
describe('login throttling across two instances sharing Redis', () => {
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const login = (t: TestApp, email: string, password: string, address: string) =>
    t.api.call('POST', '/api/v1/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': address },
    });

  itWithRedis(
    'failures and attempts made on one instance count on the other',
    async () => {
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        REDIS_STREAM_NAME: `bravo-test:${randomBytes(4).toString('hex')}`,
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_ATTEMPTS_PER_IP: '4',
      };
      a = await startTestApp({ env });
      b = await startTestApp({ env, shareDatabaseOf: a });
      const owner = await a.api.signup({ password: 'right-password' });
      const email = owner.member.email;

      // Per account: three failures spread over both instances lock it on both.
      expect((await login(a, email, 'guess-1', '198.51.100.1')).status).toBe(401);
      expect((await login(b, email, 'guess-2', '198.51.100.2')).status).toBe(401);
      expect((await login(a, email, 'guess-3', '198.51.100.3')).status).toBe(401);
      const locked = await login(b, email, 'right-password', '198.51.100.4');
      expect(locked).toMatchObject({ status: 429, body: { code: 'too_many_attempts' } });
      expect(locked.body.message).toMatch(/Try again in \d+ minutes?\./);

      // Per address: four attempts from one client, wherever they land, and the fifth is refused.
      const client = '198.51.100.50';
      for (const [i, t] of [a, b, a, b].entries()) {
        expect((await login(t, `nobody-${i}@example.com`, 'wrong', client)).status).toBe(401);
      }
      expect((await login(a, 'nobody-5@example.com', 'wrong', client)).status).toBe(429);
      expect((await login(b, 'nobody-6@example.com', 'wrong', client)).status).toBe(429);
    },
    60_000,
  );
});
