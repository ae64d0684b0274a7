import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LivePool } from './live-pool';

/** The manager a repository reads with: the transaction's, else the live pool inside `LivePool.run`, else the main one. */
export function reader(
  host: TransactionHost<TransactionalAdapterTypeOrm>,
  live: DataSource,
  pool: LivePool,
): EntityManager {
  return !host.isTransactionActive() && pool.active ? live.manager : host.tx;
}
