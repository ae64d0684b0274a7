import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MemoryWindowCounters, type WindowCounters } from '../auth/login-throttle-counters';
import { RedisWindowCounters } from '../auth/login-throttle-redis';
import { DomainException } from '../common/domain-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const WINDOW_MS = 10 * 60_000;
/** TVs one address may start pairing in a window (a shop's few screens, with reloads). */
const MAX_STARTS_PER_ADDRESS = 30;
/** Codes one address may try in a window: a guesser gets 20 of ~9·10⁸. */
const MAX_CLAIMS_PER_ADDRESS = 20;

/**
 * Per-address limits on starting and claiming pairings, with the login
 * throttle's counters: in memory, or in Redis shared by every instance.
 */
@Injectable()
export class PairingThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly counters: WindowCounters;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.counters = config.REDIS_URL
      ? new RedisWindowCounters(config.REDIS_URL, `${config.REDIS_STREAM_NAME}:pairing:`)
      : new MemoryWindowCounters();
  }

  onModuleInit(): Promise<void> {
    return this.counters.open();
  }

  onModuleDestroy(): Promise<void> {
    return this.counters.close();
  }

  start(address: string): Promise<void> {
    return this.count(`start:${address}`, MAX_STARTS_PER_ADDRESS);
  }

  claim(address: string): Promise<void> {
    return this.count(`claim:${address}`, MAX_CLAIMS_PER_ADDRESS);
  }

  private async count(key: string, limit: number): Promise<void> {
    const now = Date.now();
    const hit = await this.counters.hit(key, now, WINDOW_MS, limit);
    if (!hit.allowed) {
      const minutes = Math.max(1, Math.ceil((hit.oldest + WINDOW_MS - now) / 60_000));
      throw new DomainException(
        'too_many_attempts',
        `Too many pairing attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { params: { minutes } },
      );
    }
  }
}
