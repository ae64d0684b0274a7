import fc from 'fast-check';
import type { Schema } from './openapi';

/** Where the generators find real ids: by field name or collection, else any id at all. */
export type IdsFor = (fieldName: string) => string[];

const NUL = String.fromCharCode(0);

/** Text that has broken things before: NUL, lone surrogates, controls, bidi and BOM marks, injections. */
const NASTY_TEXT = [
  NUL,
  `a${NUL}b`,
  '\ud800',
  'x\udfff',
  '\ud83d',
  '\u0001\u001f\u007f',
  '\u202e\u200f',
  '\ufeff',
  '\u0085\u2028\u2029',
  '\r\n\t',
  '',
  ' ',
  '0',
  '-1',
  'null',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "'; DROP TABLE members; --",
  '%00',
  '${7*7}',
  '__proto__',
  'Zoë 😀 مرحبا',
];

/** A value of the wrong JSON type for anything. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Any code unit, lone surrogates included. */
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

const letters = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    minLength: min,
    maxLength: max,
  });

/** A value the schema allows, as far as the schema says (formats and patterns included). */
export function validValue(schema: Schema, name: string, idsFor: IdsFor): fc.Arbitrary<unknown> {
  if (schema.example !== undefined) {
    // The document's example is valid for sure; what the schema says may not say it all (a time zone).
    const { example, ...rest } = schema;
    return fc.oneof(fc.constant(example), validValue(rest, name, idsFor));
  }
  if (schema.enum?.length) {
    return fc.constantFrom(...schema.enum);
  }
  switch (schema.type) {
    case 'string':
      return validString(schema, name, idsFor);
    case 'integer':
    case 'number': {
      // Small numbers half the time: business rules (points per colleague, allowances) cap far below the schema.
      // Whole numbers inside the bounds (a fractional bound, e.g. a part-time factor's 0.1, included).
      const min = Math.ceil(schema.minimum ?? 0);
      const max = Math.floor(Math.min(schema.maximum ?? 100, 1000));
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 10) }), fc.integer({ min, max }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = validValue(schema.items ?? {}, name, idsFor);
      const sizes = {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      };
      return schema.uniqueItems ? fc.uniqueArray(item, sizes) : fc.array(item, sizes);
    }
    case 'object':
      return validObject(schema, idsFor);
    default:
      return fc.constant({});
  }
}

function validString(schema: Schema, name: string, idsFor: IdsFor): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    const ids = idsFor(name);
    return ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
  }
  if (schema.format === 'email') {
    return letters(4, 12).map((local) => `${local}@example.com`);
  }
  const min = schema.minLength ?? 1;
  const max = Math.max(min, Math.min(schema.maxLength ?? 20, 60));
  if (schema.pattern) {
    try {
      const pattern = new RegExp(schema.pattern, 'u');
      return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
    } catch {
      // a pattern fast-check cannot generate from: plain letters, which may not match
    }
  }
  return letters(min, max);
}

/** The required fields, plus any of the optional ones, all valid. */
export function validObject(schema: Schema, idsFor: IdsFor): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, s]) => [key, validValue(s, key, idsFor)]),
  );
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
}

/** A value for a field at or just past a bound, hostile or of the wrong type: never one the schema allows on purpose. */
export function edgeValue(
  schema: Schema,
  name: string,
  idsFor: IdsFor,
  depth = 0,
): fc.Arbitrary<unknown> {
  const edges: fc.Arbitrary<unknown>[] = [wrongType, fc.constant(null)];
  switch (schema.type) {
    case 'string': {
      const max = schema.maxLength ?? 1000;
      edges.push(
        fc.constantFrom(...NASTY_TEXT),
        anyCodeUnits,
        fc.constantFrom(max, max + 1, 10_000, 60_000).map((n) => 'x'.repeat(n)),
        validValue(schema, name, idsFor).chain((v) =>
          fc.constantFrom(...NASTY_TEXT).map((bad) => `${String(v)}${bad}`),
        ),
      );
      if (schema.format === 'uuid') {
        edges.push(
          fc.constantFrom('not-a-uuid', '-'.repeat(36), '00000000-0000-0000-0000-000000000000'),
          fc.uuid().map((u) => u.toUpperCase()),
        );
      }
      break;
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? 1000;
      edges.push(
        fc.constantFrom(min - 1, max + 1, -0, 0.5, 2 ** 31, 2 ** 53 + 1, 1e20, -1e20, 1e308),
        fc.double(),
        fc.constantFrom('5', '1e3', ''),
      );
      break;
    }
    case 'boolean':
      edges.push(fc.constantFrom('true', 'false', 0, 1));
      break;
    case 'array':
      edges.push(
        fc.array(hostileValue(schema.items ?? {}, name, idsFor, depth + 1), {
          maxLength: (schema.maxItems ?? 5) + 2,
        }),
      );
      break;
    case 'object':
      if (depth < 3) {
        edges.push(hostileObject(schema, idsFor, depth + 1));
      }
      break;
    default:
      break;
  }
  if (schema.enum) {
    edges.push(fc.constantFrom('', 'none', ...schema.enum.map((v) => String(v).toUpperCase())));
  }
  return fc.oneof(...edges);
}

/** Mostly a valid value, otherwise an edge. */
export function hostileValue(
  schema: Schema,
  name: string,
  idsFor: IdsFor,
  depth = 0,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validValue(schema, name, idsFor), weight: 3 },
    { arbitrary: edgeValue(schema, name, idsFor, depth), weight: 2 },
  );
}

/** A property the prototype chain or class-transformer might treat specially. */
const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'unknownField'];

/**
 * An object body that gets past validation often enough to test what lies
 * behind it: fully valid; valid but for one field (an edge value, or left
 * out); or any fields, each mostly valid. Now and then with a key nobody asked for.
 */
export function hostileObject(
  schema: Schema,
  idsFor: IdsFor,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const valid = validObject(schema, idsFor);
  const oneBad =
    keys.length === 0
      ? valid
      : fc.tuple(valid, fc.constantFrom(...keys), fc.boolean()).chain(([body, key, drop]) => {
          const rest = Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
          return drop
            ? fc.constant(rest)
            : edgeValue(properties[key], key, idsFor, depth).map((v) => ({ ...rest, [key]: v }));
        });
  const scattered = fc.record(
    Object.fromEntries(keys.map((key) => [key, hostileValue(properties[key], key, idsFor, depth)])),
    { requiredKeys: [] },
  );
  const extra = fc.option(
    fc.tuple(
      fc.constantFrom(...SPECIAL_KEYS),
      fc.oneof(wrongType, fc.constant({ polluted: true })),
    ),
    { freq: 4 },
  );
  const fields = fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: oneBad, weight: 5 },
    { arbitrary: scattered, weight: 2 },
  );
  return fc.tuple(fields, extra).map(([fieldsOf, special]) => {
    const body: Record<string, unknown> = { ...fieldsOf };
    if (special) {
      // Defined, not assigned: `__proto__` then is an own key that JSON.stringify writes out.
      Object.defineProperty(body, special[0], { value: special[1], enumerable: true });
    }
    return body;
  });
}

/** A body for an operation: an object as above, or no object at all. */
export function hostileBody(schema: Schema, idsFor: IdsFor): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileObject(schema, idsFor), weight: 8 },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** Raw (already percent-encoded) text for a URL part: mostly ordinary, sometimes bytes that decode badly. */
export function hostileUrlText(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: valid.map((v) => encodeURIComponent(String(v))), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        '%00',
        'a%00b',
        '%ED%A0%80', // a lone surrogate, UTF-8-encoded
        '%FF%FE',
        '%C0%AF',
        '%25',
        '%',
        '%zz',
        '-1',
        '1e999',
        '99999999999999999999',
        'NaN',
        '%20',
        'x'.repeat(500),
        '%E2%80%AE',
      ),
      weight: 2,
    },
    {
      arbitrary: anyCodeUnits.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))),
      weight: 1,
    },
  );
}
