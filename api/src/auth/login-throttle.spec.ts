import { DomainException } from '../common/domain-exception';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () =>
    new LoginThrottle(
      { maxFailuresPerAccount: 3, maxAttemptsPerIp: 5, windowMs: 60_000 },
      () => now,
    );

  beforeEach(() => (now = 1_000_000));

  it('blocks an account after N failures, from any IP, until the window passes', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      t.assertAllowed('a@x', `10.0.0.${i}`);
      t.recordFailure('a@x');
    }
    expect(() => t.assertAllowed('a@x', '10.0.0.9')).toThrow(DomainException);
    expect(() => t.assertAllowed('b@x', '10.0.0.9')).not.toThrow();
    now += 60_001;
    expect(() => t.assertAllowed('a@x', '10.0.0.9')).not.toThrow();
  });

  it('a success clears the account failures', () => {
    const t = throttle();
    t.recordFailure('a@x');
    t.recordFailure('a@x');
    t.recordSuccess('a@x');
    t.recordFailure('a@x');
    expect(() => t.assertAllowed('a@x', 'ip')).not.toThrow();
  });

  it('limits attempts per IP across accounts and says when to retry', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) {
      t.assertAllowed(`u${i}@x`, 'ip');
    }
    try {
      t.assertAllowed('u9@x', 'ip');
      throw new Error('expected a 429');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).status).toBe(429);
      expect((e as DomainException).message).toMatch(/Try again in 1 minute/);
    }
  });
});
