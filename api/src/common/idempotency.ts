import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { DomainException } from './domain-exception';

export interface Outcome<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed?: boolean;
}

/**
 * Runs `work` in a transaction at most once per (member, key). The key row is
 * inserted first, so a concurrent repeat waits on it and then replays the
 * stored response; if `work` fails, the key goes with the rolled-back transaction.
 */
export async function idempotent<T>(
  db: DataSource,
  caller: { id: string; organizationId: string },
  key: string | undefined,
  request: unknown,
  work: (manager: EntityManager) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  if (!key) {
    return inTransaction(db, work);
  }
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  return inTransaction(db, async (manager) => {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (member_id, key, organization_id, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [caller.id, key, caller.organizationId, requestHash],
    );
    if (claimed.length === 0) {
      const [previous]: { request_hash: string; response_status: number; response_body: T }[] =
        await manager.query(
          `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE member_id = $1 AND key = $2`,
          [caller.id, key],
        );
      if (previous.request_hash !== requestHash) {
        throw new DomainException(
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request.',
        );
      }
      return { status: previous.response_status, body: previous.response_body, replayed: true };
    }
    const outcome = await work(manager);
    await manager.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE member_id = $1 AND key = $2`,
      [caller.id, key, outcome.status, JSON.stringify(outcome.body)],
    );
    return outcome;
  });
}
