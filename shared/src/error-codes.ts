import type { ErrorParams, FieldError } from './field-errors.js';

/**
 * Stable machine-readable error codes. The API puts one in every error body;
 * the web translates it (`errors.<code>`), so wording can change freely.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'team_has_members',
  'team_name_taken',
  'value_name_taken',
  'invitation_expired',
  'invitation_used',
  'reset_link_expired',
  'reset_link_used',
  'too_many_attempts',
  'member_inactive',
  'cannot_change_own_role',
  'rate_limited',
  'allowance_exceeded',
  'recipient_cap_exceeded',
  'daily_limit_reached',
  'withdraw_window_closed',
  'idempotency_key_reused',
  'bulk_invitation_invalid',
  'member_import_invalid',
  'mission_not_editable',
  'mission_not_open',
  'mission_limit_reached',
  'quiz_attempts_used',
  'already_reviewed',
  'display_not_connected',
  'payload_too_large',
  'unsupported_media_type',
  'image_unreadable',
  'image_too_many_pixels',
  'cross_site_request',
  'database_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The body of every error response. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** What the message of `code` needs, e.g. `{ minutes: 3 }` for `too_many_attempts`. */
  params?: ErrorParams;
  /** For logs and people reading the API by hand; the web words `code` itself. */
  message: string;
  details?: FieldError[];
}
