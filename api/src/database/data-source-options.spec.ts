import { BoundedClient } from './bounded-client';
import { CLIENT_GRACE_MS, dataSourceOptions } from './data-source-options';

const URL = 'postgres://db/bravo';

describe('dataSourceOptions', () => {
  it('bounds every wait of the pool and its connections when given timeouts', () => {
    const options = dataSourceOptions(URL, {
      poolSize: 7,
      timeouts: { connectMs: 3000, statementMs: 10_000, idleInTransactionMs: 15_000 },
    });
    expect(options.extra).toEqual({
      max: 7,
      Client: BoundedClient,
      connectionTimeoutMillis: 3000,
      statement_timeout: 10_000,
      idle_in_transaction_session_timeout: 15_000,
      queryTimeoutMs: 10_000 + CLIENT_GRACE_MS,
    });
  });

  it('leaves migrations and CLIs unbounded: they may run long and wait on another instance’s lock', () => {
    expect(dataSourceOptions(URL, { poolSize: 2 }).extra).toEqual({
      max: 2,
      Client: BoundedClient,
    });
  });
});
