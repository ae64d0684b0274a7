import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createClient } from 'redis';
import { MemoryWindowCounters, type Hit, type WindowCounters } from './login-throttle-counters';

/**
 * One sorted set per key, scored by time: drop what left the window, refuse at
 * the limit (answering the oldest attempt's time), else count this attempt —
 * one script, so it is atomic across instances.
 */
const HIT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return -1
`;

/** A frozen Redis must not hold logins: past this a command fails and local counters stand in. */
const COMMAND_TIMEOUT_MS = 2000;

/**
 * Counters every instance shares: one sorted set per key (scores are times),
 * trimmed to the window on each read and expiring with it. While Redis cannot
 * be reached, each instance counts on its own rather than failing logins.
 */
export class RedisWindowCounters implements WindowCounters {
  private readonly logger = new Logger('LoginThrottle');
  private readonly client: ReturnType<typeof createClient>;
  private readonly local = new MemoryWindowCounters();
  private readonly connecting: Promise<unknown>;
  private degraded = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly connectWaitMs = 5000,
  ) {
    // Without the offline queue a command fails at once while Redis is away, instead of waiting.
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    });
    this.client.on('error', () => undefined); // reconnects by itself; failures surface on use
    this.connecting = this.client.connect().catch(() => undefined);
  }

  hit(key: string, now: number, windowMs: number, limit: number): Promise<Hit> {
    return this.shared(
      async (k) => {
        const oldest = await this.client.eval(HIT_SCRIPT, {
          keys: [k],
          arguments: [String(now), String(windowMs), String(limit), `${now}:${randomUUID()}`],
        });
        return oldest === -1 ? { allowed: true } : { allowed: false, oldest: Number(oldest) };
      },
      () => this.local.hit(key, now, windowMs, limit),
      key,
    );
  }

  clear(key: string): Promise<void> {
    return this.shared(
      async (k) => {
        await this.client.del(k);
      },
      () => this.local.clear(key),
      key,
    );
  }

  /** Waits for Redis a little at start; if it is not there yet, local counters stand in. */
  async open(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.connecting,
      new Promise((resolve) => (timer = setTimeout(resolve, this.connectWaitMs))),
    ]);
    clearTimeout(timer);
    if (!this.client.isReady) {
      this.degraded = true;
      this.logger.warn('Redis not reachable yet: login counters are per instance meanwhile');
    }
  }

  async close(): Promise<void> {
    if (this.client.isReady) {
      await this.client.close().catch(() => undefined);
    } else {
      this.client.destroy();
    }
  }

  private async shared<T>(
    inRedis: (key: string) => Promise<T>,
    locally: () => Promise<T>,
    key: string,
  ): Promise<T> {
    try {
      // Checked first: a MULTI sent while disconnected waits for the next reconnect attempt.
      if (!this.client.isReady) {
        throw new Error('not connected');
      }
      const result = await inRedis(this.prefix + key);
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Redis is back: login counters are shared again');
      }
      return result;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          `Redis unreachable (${(error as Error).message}): login counters are per instance meanwhile`,
        );
      }
      return locally();
    }
  }
}
