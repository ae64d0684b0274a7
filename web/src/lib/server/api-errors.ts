import {
  isErrorCode,
  isFieldErrorCode,
  type ApiErrorBody,
  type ErrorCode,
  type ErrorParams,
  type FieldError,
} from '@bravo/shared';

/** A non-2xx answer from the API (or no answer at all: status 503, `unreachable`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldError[] = [],
    readonly unreachable = false,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function paramsOf(value: unknown): ErrorParams {
  if (typeof value !== 'object' || value === null) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

function fieldErrorOf(value: unknown): FieldError | null {
  const d = (value ?? {}) as Partial<Record<keyof FieldError, unknown>>;
  return typeof d.field === 'string' && isFieldErrorCode(d.code)
    ? { field: d.field, code: d.code, params: paramsOf(d.params) }
    : null;
}

/** An error body as the API sent it, checked: unknown codes and malformed details are dropped. */
export function toApiError(status: number, json: unknown): ApiError {
  const body = (json ?? {}) as Partial<Record<keyof ApiErrorBody, unknown>>;
  const code: ErrorCode = isErrorCode(body.code)
    ? body.code
    : status >= 500
      ? 'internal_error'
      : 'validation_failed';
  const message = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  const details = Array.isArray(body.details)
    ? body.details.map(fieldErrorOf).filter((d): d is FieldError => d !== null)
    : [];
  return new ApiError(status, code, message, details, false, paramsOf(body.params));
}
