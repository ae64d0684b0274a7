import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { isValidTimeZone } from '@bravo/shared';

/** An IANA time zone the runtime knows, e.g. `Europe/Paris`. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an IANA time zone such as Europe/London`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
      },
    });
}

/** Trims strings so "  Sam " and "Sam" are the same name. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** E-mail addresses are compared lower-cased. */
export const NormalizeEmail = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/**
 * The field may be left out, but when sent it is validated — `null` included,
 * so it fails `@IsString()` and the like. (`@IsOptional()` lets null through
 * untested: keep it only where null means something, like "no team".)
 */
export const IsOmittable = () => ValidateIf((_: object, value: unknown) => value !== undefined);
