import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Transactions } from '../../src/database/transactions';
import { startTestApp, type TestApp } from '../support/test-app';

/** `Transactions.run`: one transaction per outermost run, retried as a whole. */
describe('Transactions', () => {
  let t: TestApp;
  let transactions: Transactions;
  let host: TransactionHost<TransactionalAdapterTypeOrm>;

  beforeAll(async () => {
    t = await startTestApp();
    transactions = t.app.get(Transactions);
    host = t.app.get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost);
  });
  afterAll(() => t.close());

  const txid = async () =>
    ((await host.tx.query('SELECT txid_current()::text AS id')) as { id: string }[])[0].id;
  const organizations = async (name: string) =>
    (
      (await t.db.query('SELECT count(*)::int AS n FROM organizations WHERE name = $1', [
        name,
      ])) as { n: number }[]
    )[0].n;
  const insertOrganization = (name: string) =>
    host.tx.query(`INSERT INTO organizations (name, timezone) VALUES ($1, 'UTC')`, [name]);

  it('gives a nested run the outer transaction', async () => {
    const [outer, inner] = await transactions.run(async () => [
      await txid(),
      await transactions.run(txid),
    ]);
    expect(inner).toBe(outer);
  });

  it('rolls back every write of the run when its work fails', async () => {
    await expect(
      transactions.run(async () => {
        await insertOrganization('Rolled back');
        await transactions.run(() => insertOrganization('Rolled back'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await organizations('Rolled back')).toBe(0);
  });

  it('re-runs the whole outer work after a serialization failure inside a nested run', async () => {
    let outerCalls = 0;
    let innerCalls = 0;
    await transactions.run(async () => {
      outerCalls++;
      await insertOrganization('Retried');
      await transactions.run(async () => {
        innerCalls++;
        if (innerCalls === 1) {
          await host.tx.query(
            `DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`,
          );
        }
      });
    });
    expect([outerCalls, innerCalls]).toEqual([2, 2]);
    expect(await organizations('Retried')).toBe(1);
  });

  it('uses the plain manager outside a run', async () => {
    expect(host.isTransactionActive()).toBe(false);
    expect(host.tx).toBe(t.db.manager);
  });
});
