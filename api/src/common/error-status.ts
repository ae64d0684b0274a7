import type { ErrorCode } from '@bravo/shared';

/**
 * The HTTP status of every error code, in one place: code is the fact, status
 * its transport. A `Record` so a new code cannot be added without its status.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  display_not_connected: 401,
  forbidden: 403,
  cross_site_request: 403,
  member_inactive: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  team_has_members: 409,
  team_name_taken: 409,
  value_name_taken: 409,
  cannot_change_own_role: 409,
  withdraw_window_closed: 409,
  mission_not_editable: 409,
  mission_not_open: 409,
  mission_limit_reached: 409,
  quiz_attempts_used: 409,
  already_reviewed: 409,
  invitation_expired: 410,
  invitation_used: 410,
  reset_link_expired: 410,
  reset_link_used: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  allowance_exceeded: 422,
  recipient_cap_exceeded: 422,
  daily_limit_reached: 422,
  idempotency_key_reused: 422,
  bulk_invitation_invalid: 422,
  member_import_invalid: 422,
  image_unreadable: 422,
  image_too_many_pixels: 422,
  too_many_attempts: 429,
  rate_limited: 429,
  internal_error: 500,
  database_unavailable: 503,
};

/** The general code for a status that framework code (Nest, Fastify) answers with. */
const GENERAL_CODES: readonly ErrorCode[] = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
];

const CODE_BY_STATUS = new Map(GENERAL_CODES.map((code) => [ERROR_STATUS[code], code]));

/** The code of an error that came with only a status. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS.get(status) ?? (status < 500 ? 'validation_failed' : 'internal_error');
}
