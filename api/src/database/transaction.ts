import type { DataSource, EntityManager } from 'typeorm';
import { withRetry } from './transaction-retry';

/**
 * Temporary, for kudos/ and common/idempotency until they move to `Transactions.run`
 * (helper A2, issue 9); then this file goes.
 */
export function inTransaction<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  return withRetry(() => db.transaction(work), attempts);
}
