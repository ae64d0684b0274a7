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

  /** Throws 429 when the account or the address is over its limit; otherwise counts the attempt. */
  async assertAllowed(account: string, ip: string): Promise<void> {
    const t = this.now();
    const { windowMs } = this.limits;
    const [failures, attempts] = await Promise.all([
      this.counters.recent(accountKey(account), t, windowMs),
      this.counters.recent(ipKey(ip), t, windowMs),
    ]);
    // Allowed again once the oldest event of every exceeded limit has left the window.
    const blockedUntil = Math.max(
      ...[
        failures.count >= this.limits.maxFailuresPerAccount ? failures.oldest : null,
        attempts.count >= this.limits.maxAttemptsPerIp ? attempts.oldest : null,
      ].map((oldest) => (oldest === null ? 0 : oldest + windowMs)),
    );
    if (blockedUntil > t) {
      const retryMinutes = Math.max(1, Math.ceil((blockedUntil - t) / 60_000));
      throw new DomainException(
        429,
        'too_many_attempts',
        `Too many login attempts. Try again in ${retryMinutes} minute${retryMinutes === 1 ? '' : 's'}.`,
      );
    }
    await this.counters.add(ipKey(ip), t, windowMs);
  }

  recordFailure(account: string): Promise<void> {
    return this.counters.add(accountKey(account), this.now(), this.limits.windowMs);
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
