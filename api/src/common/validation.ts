import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@bravo/shared';
import { codeOf } from './constraint-codes';
import { DomainException } from './domain-exception';

/** Unknown fields named in an answer; the rest are counted, so any input makes a small answer. */
const MAX_UNKNOWN_LISTED = 5;
/** A safety bound on the other errors: far above what any form can have. */
const MAX_ERRORS_LISTED = 20;
/** Field names come from the client: an answer quotes at most this much of one. */
const MAX_FIELD_NAME = 64;

interface ListedError extends FieldError {
  /** English, for the log line and API readers; never shown by the web. */
  message: string;
  unknown: boolean;
}

function shortName(field: string): string {
  return field.length > MAX_FIELD_NAME ? `${field.slice(0, MAX_FIELD_NAME)}…` : field;
}

/** Flattens class-validator errors into dotted field paths, each with a code and its params. */
function flatten(errors: ValidationError[], parent: string): ListedError[] {
  return errors.flatMap((error) => {
    const field = shortName(parent ? `${parent}.${error.property}` : error.property);
    const own: ListedError[] = [];
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      const { code, params } = codeOf(error, rule);
      const unknown = code === 'unknown_field';
      // A missing value fails every rule of its field; one `required` says it all.
      if (!own.some((e) => e.code === code)) {
        own.push({
          field,
          code,
          params,
          message: unknown ? `${field} is not an allowed field` : message,
          unknown,
        });
      }
    }
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The 400 for failed validation: the first few problems, and how many more there are. */
export function validationFailure(errors: ValidationError[]): DomainException {
  const all = flatten(errors, '');
  const listed = [
    ...all.filter((e) => !e.unknown).slice(0, MAX_ERRORS_LISTED),
    ...all.filter((e) => e.unknown).slice(0, MAX_UNKNOWN_LISTED),
  ];
  const details = listed.map(({ field, code, params }) => ({ field, code, params }));
  const messages = [...new Set(listed.map((d) => d.message))];
  const hidden = all.length - listed.length;
  if (hidden > 0) {
    messages.push(`and ${hidden} more`);
  }
  return new DomainException('validation_failed', `${messages.join('; ')}.`, { details });
}

/** The one global pipe: strips nothing silently — unknown fields are a 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets constraintArguments find a decorator's bounds; it is never sent.
    validationError: { target: true },
    exceptionFactory: validationFailure,
  });
}
