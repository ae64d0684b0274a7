/**
 * What of a value goes into the log. Secrets and customer contact never do: keys
 * naming them are dropped at any depth (a display's token, a reset link, a
 * customer's e-mail). Long strings and arrays are cut so one entry stays small.
 */
const SECRET_KEY = /password|secret|token|(hash|url|link|code|contact)$/i;
const MAX_STRING = 500;
const MAX_ITEMS = 100;
const MAX_DEPTH = 6;

export function auditSnapshot(value: unknown, depth = 0): unknown {
  if (value === undefined) {
    return null;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (depth >= MAX_DEPTH) {
    return '…';
  }
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ITEMS).map((v) => auditSnapshot(v, depth + 1));
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, v]) => !SECRET_KEY.test(key) && typeof v !== 'function')
        .map(([key, v]) => [key, auditSnapshot(v, depth + 1)]),
    );
  }
  return typeof value === 'bigint' ? value.toString() : null;
}
