import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  ARRAY_UNIQUE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_EMAIL,
  IS_IN,
  IS_INT,
  IS_OBJECT,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  ValidationTypes,
  type ValidationError,
} from 'class-validator';
import { isFieldErrorCode, type ErrorParams, type FieldErrorCode } from '@bravo/shared';

interface Coded {
  code: FieldErrorCode;
  params: ErrorParams;
}

type Rule = (constraints: readonly unknown[]) => Coded;

const plain =
  (code: FieldErrorCode): Rule =>
  () => ({ code, params: {} });
const bound =
  (code: FieldErrorCode, name: string): Rule =>
  ([value]) => ({ code, params: { [name]: typeof value === 'number' ? value : String(value) } });

/** Each class-validator constraint used by the DTOs, as a field code and its parameters. */
const RULES: Record<string, Rule> = {
  [IS_STRING]: plain('not_text'),
  [IS_INT]: plain('not_whole_number'),
  [IS_BOOLEAN]: plain('not_true_or_false'),
  [IS_ARRAY]: plain('not_list'),
  [IS_OBJECT]: plain('not_object'),
  [ValidationTypes.NESTED_VALIDATION]: plain('not_object'),
  [ValidationTypes.WHITELIST]: plain('unknown_field'),
  [MIN_LENGTH]: bound('too_short', 'min'),
  [MAX_LENGTH]: bound('too_long', 'max'),
  [MIN]: bound('too_small', 'min'),
  [MAX]: bound('too_large', 'max'),
  [ARRAY_MIN_SIZE]: bound('too_few', 'min'),
  [ARRAY_MAX_SIZE]: bound('too_many', 'max'),
  [ARRAY_UNIQUE]: plain('repeated'),
  [IS_EMAIL]: plain('invalid_email'),
  [IS_UUID]: plain('invalid_id'),
  [IS_IN]: ([allowed]) => ({
    code: 'invalid_choice',
    params: { allowed: Array.isArray(allowed) ? allowed.join(', ') : '' },
  }),
  // A pattern says nothing a reader understands: the decorator names its code in `context`.
  [MATCHES]: plain('invalid'),
  isTimeZone: plain('invalid_time_zone'),
};

/** The arguments of the decorator that raised `constraint` on this error's property. */
function constraintArguments(error: ValidationError, constraint: string): readonly unknown[] {
  const target = error.target?.constructor;
  if (!target) {
    return [];
  }
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/**
 * One failed constraint as `{ code, params }`. A missing value is `required`
 * rather than "not text, too short" all at once; a decorator may name its own
 * code with `context: { code }` (e.g. `invalid_hashtag` for a pattern).
 */
export function codeOf(error: ValidationError, constraint: string): Coded {
  if (constraint === ValidationTypes.WHITELIST) {
    return { code: 'unknown_field', params: {} };
  }
  if (error.value === undefined || error.value === null) {
    return { code: 'required', params: {} };
  }
  const own: unknown = (error.contexts?.[constraint] as { code?: unknown } | undefined)?.code;
  if (isFieldErrorCode(own)) {
    return { code: own, params: {} };
  }
  const rule = RULES[constraint];
  return rule ? rule(constraintArguments(error, constraint)) : { code: 'invalid', params: {} };
}
