/**
 * Bounds on every JSON request body, enforced while parsing so that neither
 * class-transformer nor class-validator ever sees a body that is expensive to
 * walk. The largest legitimate Bravo body (a member update with 100 managed
 * teams) has about 110 values and 2 levels; at these limits a body costs a few
 * milliseconds to validate.
 */
export const JSON_BODY_LIMITS = {
  /** Bytes of a body; a route may raise it with `@BodyLimit(bytes)`. */
  bytes: 64 * 1024,
  /** Object members and array items, counted over the whole body. */
  keys: 500,
  /** Nested objects and arrays, the body itself being level 1. */
  depth: 8,
} as const;
