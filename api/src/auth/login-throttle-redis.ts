import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createClient } from 'redis';
import {
  MemoryWindowCounters,
  type WindowCount,
  type WindowCounters,
} from './login-throttle-counters';

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
    this.client = createClient({ url, disableOfflineQueue: true });
    this.client.on('error', () => undefined); // reconnects by itself; failures surface on use
    this.connecting = this.client.connect().catch(() => undefined);
  }

  recent(key: string, now: number, windowMs: number): Promise<WindowCount> {
    return this.shared(
      async (k) => {
        const [, count, oldest] = (await this.client
          .multi()
          .zRemRangeByScore(k, '-inf', now - windowMs)
          .zCard(k)
          .zRangeWithScores(k, 0, 0)
          .exec()) as unknown as [number, number, { score: number }[]];
        return { count, oldest: oldest[0]?.score ?? null };
      },
      () => this.local.recent(key, now, windowMs),
      key,
    );
  }

  add(key: string, now: number, windowMs: number): Promise<void> {
    return this.shared(
      async (k) => {
        const member = `${now}:${randomBytes(6).toString('base64url')}`;
        await this.client
          .multi()
          .zAdd(k, { score: now, value: member })
          .pExpire(k, windowMs)
          .exec();
      },
      () => this.local.add(key, now, windowMs),
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
