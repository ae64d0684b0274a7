import type { ErrorCode, ErrorParams, FieldError, FieldErrorCode } from '@bravo/shared';
import { ERROR_STATUS } from './error-status';

export interface DomainExceptionOptions {
  /** What the translated message of `code` needs, e.g. `{ minutes: 3 }`. */
  params?: ErrorParams;
  details?: FieldError[];
}

/**
 * Services throw these instead of HTTP exceptions; the global filter sends
 * `{ statusCode, code, params?, message, details? }`, the status read from
 * ERROR_STATUS. `message` is English for logs and API readers: the web words
 * `code`, `params` and each detail from its own translations.
 */
export class DomainException extends Error {
  readonly status: number;
  readonly params?: ErrorParams;
  readonly details?: FieldError[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainExceptionOptions = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
    this.params = options.params;
    this.details = options.details;
  }
}

export const notFound = (what: string) => new DomainException('not_found', `${what} not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new DomainException('forbidden', message);
export const conflict = (code: ErrorCode, message: string, params?: ErrorParams) =>
  new DomainException(code, message, { params });

/** One field is wrong: `code` and `params` for the reader, `message` for the log. */
export const invalid = (
  field: string,
  code: FieldErrorCode,
  message: string,
  params: ErrorParams = {},
) => new DomainException('validation_failed', message, { details: [{ field, code, params }] });
