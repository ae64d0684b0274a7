import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** How repositories reach the database: the current transaction's manager, or the plain one outside. */
export type Db = TransactionHost<TransactionalAdapterTypeOrm>;
export const Db = TransactionHost;
