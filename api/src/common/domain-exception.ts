import type { ErrorCode, FieldError } from '@bravo/shared';

/**
 * Services throw these instead of HTTP exceptions; the global filter maps
 * them to a status and the `{ statusCode, code, message, details }` body.
 */
export class DomainException extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new DomainException(404, 'not_found', `${what} not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new DomainException(403, 'forbidden', message);
export const conflict = (code: ErrorCode, message: string) =>
  new DomainException(409, code, message);
export const invalid = (field: string, message: string) =>
  new DomainException(400, 'validation_failed', message, [{ field, message }]);
