import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditTrail } from '../audit/audit-trail';
import { Transactions } from '../database/transactions';
import { DomainException } from './domain-exception';
import { IdempotencyRepository } from './idempotency.repository';

/** What an idempotent operation returned, and whether it is the stored answer to an earlier request. */
export interface Once<T> {
  result: T;
  replayed: boolean;
}

/**
 * Runs work in a transaction at most once per (member, key). The key row is
 * inserted first, so a concurrent repeat waits on it and then replays the
 * stored result; if the work fails, the key goes with the rolled-back transaction.
 */
@Injectable()
export class Idempotency {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: IdempotencyRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** `result` must survive JSON (it is stored as the answer to repeats). */
  async once<T>(
    caller: { id: string; organizationId: string },
    key: string | undefined,
    request: unknown,
    work: () => Promise<T>,
  ): Promise<Once<T>> {
    if (!key) {
      return { result: await this.transactions.run(work), replayed: false };
    }
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    return this.transactions.run(async () => {
      if (!(await this.keys.claim(caller, key, requestHash))) {
        const previous = await this.keys.stored(caller.id, key);
        if (previous.request_hash !== requestHash) {
          throw new DomainException(
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different request.',
          );
        }
        // A replay does nothing, so an audited action's repeat adds no second entry.
        this.audit.unchanged();
        return { result: previous.response_body as T, replayed: true };
      }
      const result = await work();
      await this.keys.store(caller.id, key, result);
      return { result, replayed: false };
    });
  }
}
