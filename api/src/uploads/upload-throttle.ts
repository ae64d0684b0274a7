import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MemoryWindowCounters, type WindowCounters } from '../auth/login-throttle-counters';
import { RedisWindowCounters } from '../auth/login-throttle-redis';
import { DomainException } from '../common/domain-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const WINDOW_MS = 10 * 60_000;
/** Uploads one member may attempt in a window: a busy day's photo evidence, not a flood. */
export const MAX_UPLOADS_PER_MEMBER = 60;

/**
 * Per-member limit on upload attempts (each costs a decode and a re-encode),
 * with the login throttle's counters: in memory, or in Redis shared by every instance.
 */
@Injectable()
export class UploadThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly counters: WindowCounters;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.counters = config.REDIS_URL
      ? new RedisWindowCounters(config.REDIS_URL, `${config.REDIS_STREAM_NAME}:uploads:`)
      : new MemoryWindowCounters();
  }

  onModuleInit(): Promise<void> {
    return this.counters.open();
  }

  onModuleDestroy(): Promise<void> {
    return this.counters.close();
  }

  async count(memberId: string): Promise<void> {
    const now = Date.now();
    const hit = await this.counters.hit(memberId, now, WINDOW_MS, MAX_UPLOADS_PER_MEMBER);
    if (!hit.allowed) {
      const minutes = Math.max(1, Math.ceil((hit.oldest + WINDOW_MS - now) / 60_000));
      throw new DomainException(
        'too_many_attempts',
        `Too many uploads. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { params: { minutes } },
      );
    }
  }
}
