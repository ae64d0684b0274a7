import { DomainException } from '../common/domain-exception';

interface Limits {
  maxFailuresPerAccount: number;
  maxAttemptsPerIp: number;
  windowMs: number;
}

/**
 * Sliding-window limits on login: failed attempts per account, all attempts per IP.
 * Kept in memory per instance — enough to stop guessing, with no Redis required.
 */
export class LoginThrottle {
  private readonly accountFailures = new Map<string, number[]>();
  private readonly ipAttempts = new Map<string, number[]>();

  constructor(
    private readonly limits: Limits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 when the account or the IP is over its limit; otherwise counts the attempt. */
  assertAllowed(account: string, ip: string): void {
    const t = this.now();
    const failures = this.recent(this.accountFailures, account, t);
    const attempts = this.recent(this.ipAttempts, ip, t);
    if (
      failures.length >= this.limits.maxFailuresPerAccount ||
      attempts.length >= this.limits.maxAttemptsPerIp
    ) {
      const oldest = Math.min(...[failures[0], attempts[0]].filter((x) => x !== undefined));
      const retryMinutes = Math.max(1, Math.ceil((oldest + this.limits.windowMs - t) / 60000));
      throw new DomainException(
        429,
        'too_many_attempts',
        `Too many login attempts. Try again in ${retryMinutes} minute${retryMinutes === 1 ? '' : 's'}.`,
      );
    }
    attempts.push(t);
    this.ipAttempts.set(ip, attempts);
  }

  recordFailure(account: string): void {
    const t = this.now();
    const failures = this.recent(this.accountFailures, account, t);
    failures.push(t);
    this.accountFailures.set(account, failures);
  }

  recordSuccess(account: string): void {
    this.accountFailures.delete(account);
  }

  private recent(map: Map<string, number[]>, key: string, t: number): number[] {
    const kept = (map.get(key) ?? []).filter((at) => at > t - this.limits.windowMs);
    if (kept.length === 0) {
      map.delete(key);
    }
    return kept;
  }
}
