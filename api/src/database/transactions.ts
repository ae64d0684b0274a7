import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { BACKGROUND_EVALUATION } from './background-work';
import { withRetry } from './transaction-retry';

const AFTER_COMMIT = Symbol('afterCommit');

/**
 * The one way to run a transaction. Repositories read the current manager from
 * `TransactionHost.tx`, so nothing threads a manager through calls.
 *
 * Why not a plain `@Transactional()`: a deadlock or serialisation failure
 * aborts the whole transaction, so the retry must re-run all of it from the
 * outermost caller. A decorator on an inner method would join the outer
 * transaction and retry only its own part; one wrapper that retries only
 * when it opens the transaction keeps that rule in one place.
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly host: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
  ) {}

  /** Runs `work` in a transaction (joining the caller's, if any), retried as a whole on 40001/40P01. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.host.isTransactionActive()) {
      return work(); // the outer run owns the retry
    }
    return withRetry(async () => {
      const afterCommit: (() => void)[] = [];
      const result = await this.host.withTransaction(() => {
        this.cls.set(AFTER_COMMIT, afterCommit);
        return work();
      });
      afterCommit.forEach((then) => then());
      return result;
    });
  }

  /** `run`, named as background work (`BACKGROUND_EVALUATION`) for `pg_stat_activity` and the fuzz. */
  runInBackground<T>(work: () => Promise<T>): Promise<T> {
    return this.run(async () => {
      await this.host.tx.query(`SELECT set_config('application_name', $1, true)`, [
        BACKGROUND_EVALUATION,
      ]);
      return work();
    });
  }

  /** Calls `then` once the current transaction has committed (at once outside one); a rollback drops it. */
  afterCommit(then: () => void): void {
    const pending = this.host.isTransactionActive()
      ? this.cls.get<(() => void)[] | undefined>(AFTER_COMMIT)
      : undefined;
    if (pending) {
      pending.push(then);
    } else {
      then();
    }
  }
}
