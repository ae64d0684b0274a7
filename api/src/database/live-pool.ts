import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/**
 * Live pushes read boards and allowances through their own small pool: during a
 * burst the main pool queues hundreds of kudos writes, and a tick waiting behind
 * them would reach the screens seconds late.
 */
export const LIVE_DATA_SOURCE = 'live';
export const LIVE_POOL_SIZE = 3;

const LIVE_READS = Symbol('liveReads');

/**
 * Marks a piece of work whose reads (outside any transaction) go to the live pool.
 * The repositories those reads reach pick the pool (`LivePool.active`), so the
 * callers go through the features' ordinary services.
 */
@Injectable()
export class LivePool {
  constructor(private readonly cls: ClsService) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.cls.set(LIVE_READS, true);
      return work();
    });
  }

  get active(): boolean {
    return this.cls.isActive() && this.cls.get<boolean | undefined>(LIVE_READS) === true;
  }
}
