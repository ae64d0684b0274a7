import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** A transaction, retried a few times when PostgreSQL reports a deadlock or serialization failure. */
export async function inTransaction<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) {
        throw error;
      }
    }
  }
}
