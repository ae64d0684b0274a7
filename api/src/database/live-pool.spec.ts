import { AsyncLocalStorage } from 'node:async_hooks';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { DataSource, EntityManager } from 'typeorm';
import { LivePool } from './live-pool';
import { reader } from './reader';

describe('LivePool and reader', () => {
  const pool = new LivePool(new ClsService(new AsyncLocalStorage()));
  const main = { name: 'main' } as unknown as EntityManager;
  const live = { manager: { name: 'live' } } as unknown as DataSource;
  const host = (inTransaction: boolean) =>
    ({
      isTransactionActive: () => inTransaction,
      tx: main,
    }) as unknown as TransactionHost<TransactionalAdapterTypeOrm>;

  it('reads on the main pool outside LivePool.run', () => {
    expect(pool.active).toBe(false);
    expect(reader(host(false), live, pool)).toBe(main);
  });

  it('reads on the live pool inside LivePool.run, across awaits', async () => {
    const seen = await pool.run(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return reader(host(false), live, pool);
    });
    expect(seen).toBe(live.manager);
    expect(pool.active).toBe(false);
  });

  it('keeps a transaction on its own connection even inside LivePool.run', async () => {
    expect(await pool.run(() => Promise.resolve(reader(host(true), live, pool)))).toBe(main);
  });
});
