import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MemoryWindowCounters, type WindowCounters } from '../auth/login-throttle-counters';
import { RedisWindowCounters } from '../auth/login-throttle-redis';
import { DomainException } from '../common/domain-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Limits on the public praise page, per client address and per team, with the login
 * throttle's counters: in memory, or in Redis shared by every instance (`REDIS_URL`).
 */
@Injectable()
export class PraiseThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly counters: WindowCounters;
  private readonly windowMs: number;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.windowMs = config.PRAISE_THROTTLE_WINDOW_SECONDS * 1000;
    this.counters = config.REDIS_URL
      ? new RedisWindowCounters(config.REDIS_URL, `${config.REDIS_STREAM_NAME}:praise:`)
      : new MemoryWindowCounters();
  }

  onModuleInit(): Promise<void> {
    return this.counters.open();
  }

  onModuleDestroy(): Promise<void> {
    return this.counters.close();
  }

  /** Counts one submission against the address and the team; 429 past either limit. */
  async count(address: string, teamId: string): Promise<void> {
    const now = Date.now();
    const byAddress = await this.counters.hit(
      `ip:${address}`,
      now,
      this.windowMs,
      this.config.PRAISE_MAX_PER_ADDRESS,
    );
    const hit = byAddress.allowed
      ? await this.counters.hit(
          `team:${teamId}`,
          now,
          this.windowMs,
          this.config.PRAISE_MAX_PER_TEAM,
        )
      : byAddress;
    if (!hit.allowed) {
      const minutes = Math.max(1, Math.ceil((hit.oldest + this.windowMs - now) / 60_000));
      throw new DomainException(
        'too_many_attempts',
        `Thank you — we have had a lot of praise from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { params: { minutes } },
      );
    }
  }
}
