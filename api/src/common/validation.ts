import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@bravo/shared';
import { DomainException } from './domain-exception';

/** Flattens class-validator errors into dotted field paths with readable messages. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `${field} is not an allowed field` : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** The one global pipe: strips nothing silently — unknown fields are a 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = toFieldErrors(errors);
      const message = [...new Set(details.map((d) => d.message))].join('; ');
      return new DomainException(400, 'validation_failed', `${message}.`, details);
    },
  });
}
