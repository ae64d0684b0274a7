import type { ErrorParams, FieldErrorCode } from '@bravo/shared';
import { hasControlCharacters } from './control-characters';

/**
 * Query and path parameters of the same-origin endpoints, checked before the
 * API is called: a malformed one is the caller's mistake (400), never the API's 500.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A calendar day as a date input sends it (YYYY-MM-DD); the API checks it is a real day. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// The API's feed cursors are base64url and at most 200 characters.
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** A bad query or path parameter; `relay()` answers it with 400 `validation_failed`. */
export class InvalidParam extends Error {
  constructor(
    readonly field: string,
    readonly code: FieldErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'InvalidParam';
  }
}

export function uuidParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name) || undefined;
  if (value !== undefined && !UUID.test(value)) {
    throw new InvalidParam(name, 'invalid_id', `${name} must be an id`);
  }
  return value;
}

export function cursorParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name) || undefined;
  if (value !== undefined && !CURSOR.test(value)) {
    throw new InvalidParam(
      name,
      'invalid_cursor',
      `${name} is not valid: use nextCursor from the previous page`,
    );
  }
  return value;
}

export function integerParam(
  query: URLSearchParams,
  name: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new InvalidParam(
      name,
      'out_of_range',
      `${name} must be a whole number from ${min} to ${max}`,
      { min, max },
    );
  }
  return value;
}

/** Trimmed search text: required, at most `max` characters, no control characters. */
export function searchParam(query: URLSearchParams, name: string, max: number): string {
  const value = (query.get(name) ?? '').trim();
  if (!value) {
    throw new InvalidParam(name, 'required', `${name} must not be empty`);
  }
  if (value.length > max || hasControlCharacters(value)) {
    throw new InvalidParam(
      name,
      value.length > max ? 'too_long' : 'invalid_characters',
      `${name} must be at most ${max} characters, without control characters`,
      { max },
    );
  }
  return value;
}
