import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { BoundedClient, type BoundedClientConfig } from './bounded-client';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** How long Bravo waits on PostgreSQL before it answers 503 instead of hanging. */
export interface DatabaseTimeouts {
  /** For a connection: a free one from the pool, or a new one from the server. */
  connectMs: number;
  /** PostgreSQL cancels a statement running longer (57014). */
  statementMs: number;
  /** PostgreSQL ends a session left idle inside a transaction this long (25P03), freeing its locks. */
  idleInTransactionMs: number;
}

/**
 * A frozen server never sends its statement_timeout error: the client gives up
 * this much later, so a live but slow server always answers first.
 */
export const CLIENT_GRACE_MS = 1000;

/**
 * The one place that describes how Bravo talks to PostgreSQL. It names no entities: this
 * low layer never imports the features (the app loads them from its modules). Without
 * `timeouts` (migrations, CLIs) statements may run and wait on locks as long as they need.
 */
export function dataSourceOptions(
  url: string,
  options: { poolSize?: number; timeouts?: DatabaseTimeouts } = {},
): DataSourceOptions {
  const { poolSize = 10, timeouts } = options;
  const bounds: Partial<BoundedClientConfig> = timeouts
    ? {
        connectionTimeoutMillis: timeouts.connectMs,
        statement_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
        queryTimeoutMs: timeouts.statementMs + CLIENT_GRACE_MS,
      }
    : {};
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // pg-pool builds its connections with `Client` and hands each the whole pool config.
    extra: { max: poolSize, Client: BoundedClient, ...bounds },
  };
}
