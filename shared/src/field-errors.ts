/**
 * Stable codes for what is wrong with one field. The API sends a code and its
 * parameters, never a sentence to show; the web words it from its translation
 * files (`fieldErrors.<code>`, e.g. "At least {min} characters.").
 */
export const FIELD_ERROR_CODES = [
  // The shape of the value.
  'required',
  'unknown_field',
  'not_text',
  'not_whole_number',
  'not_true_or_false',
  'not_list',
  'not_object',
  'invalid',
  // Sizes and ranges.
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'out_of_range',
  'too_few',
  'too_many',
  'repeated',
  // Formats.
  'invalid_email',
  'invalid_id',
  'invalid_choice',
  'invalid_time_zone',
  'invalid_hashtag',
  'invalid_color',
  'invalid_emoji',
  'invalid_characters',
  'invalid_cursor',
  'invalid_date',
  'invalid_url',
  // Rules of the organisation and the state of its data.
  'unknown_team',
  'already_member',
  'unknown_value',
  'unknown_recipient',
  'self_recipient',
  'own_kudos',
  'no_active_recipients',
  'allowance_left',
  'recipient_cap_left',
  'recipient_cap',
  'wrong_password',
  'unknown_pairing_code',
  'before_start',
  'unknown_photo',
  'value_not_for_metric',
  'unknown_image',
  'window_not_for_metric',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** What a message needs to be specific, e.g. `{ min: 10 }` or `{ left: 79 }`. */
export type ErrorParams = Record<string, string | number>;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `email` or `rules.allowanceEmployee`. */
  field: string;
  code: FieldErrorCode;
  params: ErrorParams;
}

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}
