import { randomBytes } from 'node:crypto';
import { redisReachable, TEST_REDIS_URL } from '../../../test/support/redis-probe';
import { DomainException } from '../common/domain-exception';
import { LoginThrottle } from './login-throttle';
import { MemoryWindowCounters, type WindowCounters } from './login-throttle-counters';
import { RedisWindowCounters } from './login-throttle-redis';

const redisUp = redisReachable();
if (!redisUp) {
  console.warn(
    `SKIPPED LoginThrottle on Redis: no Redis answers at ${TEST_REDIS_URL} (set TEST_REDIS_URL to run it).`,
  );
}
const stores: [string, () => WindowCounters][] = [['in memory', () => new MemoryWindowCounters()]];
if (redisUp) {
  // A prefix of its own per run, so parallel runs on one Redis do not meet.
  stores.push([
    'in Redis',
    () => new RedisWindowCounters(TEST_REDIS_URL, `bravo-test:${randomBytes(4).toString('hex')}:`),
  ]);
}

describe.each(stores)('LoginThrottle %s', (_label, makeCounters) => {
  let now = 0;
  const opened: LoginThrottle[] = [];
  const throttle = async (counters = makeCounters()) => {
    const t = new LoginThrottle(
      { maxFailuresPerAccount: 3, maxAttemptsPerIp: 5, windowMs: 60_000 },
      counters,
      () => now,
    );
    await t.open();
    opened.push(t);
    return t;
  };

  beforeEach(() => (now = 1_000_000));
  afterAll(() => Promise.all(opened.map((t) => t.close())));

  it('blocks an account after N attempts without success, from any IP, until the window passes', async () => {
    const t = await throttle();
    for (let i = 0; i < 3; i++) {
      await t.assertAllowed('a@x', `10.0.0.${i}`);
    }
    await expect(t.assertAllowed('a@x', '10.0.0.9')).rejects.toThrow(DomainException);
    await expect(t.assertAllowed('b@x', '10.0.0.9')).resolves.toBeUndefined();
    now += 60_001;
    await expect(t.assertAllowed('a@x', '10.0.0.9')).resolves.toBeUndefined();
  });

  it('a success clears the account failures', async () => {
    const t = await throttle();
    await t.assertAllowed('a@x', 'ip-1');
    await t.assertAllowed('a@x', 'ip-2');
    await t.recordSuccess('a@x');
    for (let i = 0; i < 3; i++) {
      await expect(t.assertAllowed('a@x', `ip-${i + 3}`)).resolves.toBeUndefined();
    }
    await expect(t.assertAllowed('a@x', 'ip-9')).rejects.toThrow(/Too many login attempts/);
  });

  it('parallel attempts at one account cannot outrun its limit', async () => {
    const t = await throttle();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => t.assertAllowed('p@x', `10.1.0.${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
  });

  it('limits attempts per IP across accounts and says when to retry', async () => {
    const t = await throttle();
    for (let i = 0; i < 5; i++) {
      now += 1000;
      await t.assertAllowed(`u${i}@x`, 'ip');
    }
    now += 30_000;
    const refusal = await t.assertAllowed('u9@x', 'ip').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(DomainException);
    expect((refusal as DomainException).status).toBe(429);
    // The first attempt leaves the window 60 s after it was made, 26 s from now.
    expect((refusal as DomainException).message).toMatch(/Try again in 1 minute\./);
    await expect(t.assertAllowed('u9@x', 'another-ip')).resolves.toBeUndefined();
  });
});

(redisUp ? describe : describe.skip)('LoginThrottle on one Redis from two instances', () => {
  it('counts the same attempts in both', async () => {
    const prefix = `bravo-test:${randomBytes(4).toString('hex')}:`;
    const limits = { maxFailuresPerAccount: 3, maxAttemptsPerIp: 2, windowMs: 60_000 };
    const [a, b] = [0, 1].map(
      () => new LoginThrottle(limits, new RedisWindowCounters(TEST_REDIS_URL, prefix)),
    );
    try {
      await Promise.all([a.open(), b.open()]);
      await a.assertAllowed('c@x', 'ip-a1');
      await b.assertAllowed('c@x', 'ip-b1');
      await a.assertAllowed('c@x', 'ip-a2');
      await expect(b.assertAllowed('c@x', 'ip-b2')).rejects.toThrow(/Too many login attempts/);
      // Racing from both instances at once, still no more than the limit.
      const racing = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).assertAllowed('r@x', `ip-r${i}`)),
      );
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      await a.assertAllowed('d@x', 'ip-2');
      await b.assertAllowed('e@x', 'ip-2');
      await expect(a.assertAllowed('f@x', 'ip-2')).rejects.toThrow(/Too many login attempts/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('LoginThrottle when its Redis cannot be reached', () => {
  it('still throttles, counting on this instance', async () => {
    // Nothing listens on port 1: every command fails at once.
    const counters = new RedisWindowCounters('redis://127.0.0.1:1', 'bravo-test:', 50);
    const t = new LoginThrottle(
      { maxFailuresPerAccount: 2, maxAttemptsPerIp: 10, windowMs: 60_000 },
      counters,
    );
    try {
      await t.open();
      await t.assertAllowed('g@x', 'ip');
      await t.assertAllowed('g@x', 'ip');
      await expect(t.assertAllowed('g@x', 'ip')).rejects.toThrow(/Too many login attempts/);
    } finally {
      await t.close();
    }
  });
});
