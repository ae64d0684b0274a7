import { Client, type ClientConfig } from 'pg';

export interface BoundedClientConfig extends ClientConfig {
  /** A query left unanswered this long ends its connection (0 or unset: no bound). */
  queryTimeoutMs?: number;
}

type Query = (...args: unknown[]) => unknown;

/**
 * A pg client whose queries cannot wait forever on a frozen server. pg's own
 * `query_timeout` fails the query but keeps the connection, still waiting for
 * that answer (or, in a transaction, with its ROLLBACK never sent): the pool
 * would hand it to the next request. Here the connection is destroyed instead,
 * so every query on it fails at once and the pool drops it.
 */
export class BoundedClient extends Client {
  constructor(config: BoundedClientConfig = {}) {
    super(config);
    const limitMs = config.queryTimeoutMs ?? 0;
    if (limitMs > 0) {
      const query = this.query.bind(this) as Query;
      Object.defineProperty(this, 'query', {
        value: (...args: unknown[]) => this.bounded(query, args, limitMs),
      });
    }
  }

  private bounded(query: Query, args: unknown[], limitMs: number): unknown {
    const timer = setTimeout(() => this.connection.stream.destroy(), limitMs);
    timer.unref();
    const done = () => clearTimeout(timer);
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      // pg-pool's pool.query() style: the answer comes through the callback.
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        (callback as (...results: unknown[]) => void)(...results);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) {
      result.then(done, done);
    } else {
      done(); // a Submittable (cursor, stream) reports by events: not bounded here
    }
    return result;
  }
}
