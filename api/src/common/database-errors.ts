/**
 * SQLSTATEs that mean "PostgreSQL cannot serve this right now", not "this
 * request is wrong": the same request may well succeed in a moment.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '25P03', // idle_in_transaction_session_timeout
  '53000', // insufficient_resources
  '53100', // disk_full
  '53200', // out_of_memory
  '53300', // too_many_connections
  '55P03', // lock_not_available
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);

/** Socket errors on the way to the server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's own errors for a connection that timed out, broke or was cut (they carry no code). */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect/, // no pool slot in time
  /not queryable/, // a client whose connection already failed
  /^Query read timeout/,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error means the database is unreachable, frozen, overloaded or
 * restarting. Looks through TypeORM's `driverError`, `cause` chains and
 * AggregateErrors (a host name with several addresses refuses once per address).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) {
    return false;
  }
  const e = error as ErrorLike;
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code)) {
      return true;
    }
  }
  const message = e.message;
  if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((m) => m.test(message))) {
    return true;
  }
  const inner = [
    e.driverError,
    e.cause,
    ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : []),
  ];
  return inner.some((cause) => cause !== error && isDatabaseUnavailable(cause, depth + 1));
}
