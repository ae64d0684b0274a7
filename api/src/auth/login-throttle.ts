import { DomainException } from '../common/domain-exception';
import type { AppConfig } from '../config/app-config';
import { MemoryWindowCounters, type WindowCounters } from './login-throttle-counters';
import { RedisWindowCounters } from './login-throttle-redis';

interface Limits {
  maxFailuresPerAccount: number;
  maxAttemptsPerIp: number;
  windowMs: number;
}

/**
 * Sliding-window limits on login: failed attempts per account, all attempts
 * per client address. In memory per instance, or in Redis (with `REDIS_URL`)
 * so that every instance counts the same attempts.
 */
export class LoginThrottle {
  constructor(
    private readonly limits: Limits,
    private readonly counters: WindowCounters = new MemoryWindowCounters(),
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Throws 429 when the address or the account is over its limit; otherwise
   * counts the attempt against both. It counts as the account's failure from
   * the start, so parallel guesses cannot all pass the check while the first
   * password is still being verified; a success clears the account's count.
   */
  async assertAllowed(account: string, ip: string): Promise<void> {
    const t = this.now();
    const { windowMs } = this.limits;
    const byAddress = await this.counters.hit(ipKey(ip), t, windowMs, this.limits.maxAttemptsPerIp);
    const hit = byAddress.allowed
      ? await this.counters.hit(accountKey(account), t, windowMs, this.limits.maxFailuresPerAccount)
      : byAddress;
    if (!hit.allowed) {
      // Allowed again once the oldest counted attempt has left the window.
      const retryMinutes = Math.max(1, Math.ceil((hit.oldest + windowMs - t) / 60_000));
      throw new DomainException(
        'too_many_attempts',
        `Too many login attempts. Try again in ${retryMinutes} minute${retryMinutes === 1 ? '' : 's'}.`,
        { params: { minutes: retryMinutes } },
      );
    }
  }

  recordSuccess(account: string): Promise<void> {
    return this.counters.clear(accountKey(account));
  }

  open(): Promise<void> {
    return this.counters.open();
  }

  close(): Promise<void> {
    return this.counters.close();
  }
}

const accountKey = (account: string) => `account:${account}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** The throttle the configuration asks for: shared through Redis when `REDIS_URL` is set. */
export function createLoginThrottle(config: AppConfig): LoginThrottle {
  return new LoginThrottle(
    {
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxAttemptsPerIp: config.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowMs: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
    },
    config.REDIS_URL
      ? // Beside the socket.io stream: one name keeps one installation's keys apart from another's.
        new RedisWindowCounters(config.REDIS_URL, `${config.REDIS_STREAM_NAME}:login:`)
      : new MemoryWindowCounters(),
  );
}

/** Limits on "I forgot my password" (per address asked for, per client), apart from logins. */
export function createResetRequestThrottle(config: AppConfig): LoginThrottle {
  const perAccount = config.PASSWORD_RESET_MAX_REQUESTS;
  return new LoginThrottle(
    {
      maxFailuresPerAccount: perAccount,
      maxAttemptsPerIp: perAccount * 6,
      windowMs: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
    },
    config.REDIS_URL
      ? new RedisWindowCounters(config.REDIS_URL, `${config.REDIS_STREAM_NAME}:reset:`)
      : new MemoryWindowCounters(),
  );
}
