/**
 * What an audit entry changed, field by field, for people to read: `before` and `after` are the
 * target's snapshots (the API's answer for it), so most fields are the same in both and only
 * the differences are worth a line. Nested settings read as `rules.allowanceEmployee`, and ids
 * the page knows (teams, brand values) read as their names.
 */
export interface AuditChange {
  field: string;
  /** The value as text; null where the field had none (created) or has none (removed). */
  before: string | null;
  after: string | null;
}

/** Bookkeeping every snapshot carries; a change to it says nothing. */
const BOOKKEEPING = new Set(['id', 'organizationId', 'createdAt', 'updatedAt']);
const MAX_TEXT = 120;
const MAX_DEPTH = 3;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Names by id, for ids a snapshot holds (a member's `teamId`, a badge's `valueId`). */
export type KnownNames = ReadonlyMap<string, string>;

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

function asText(value: unknown, names: KnownNames): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  let text: string;
  if (typeof value === 'string') {
    text = names.get(value) ?? value;
  } else if (isTextList(value) && value.some((v) => names.has(v))) {
    text = value.map((v) => names.get(v) ?? v).join(', ');
  } else {
    text = JSON.stringify(value);
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** Dotted path → value, plain objects opened up to a few levels (lists stay whole). */
function flatten(value: unknown, into: Map<string, unknown>, prefix = '', depth = 0): void {
  if (!isPlain(value) || depth >= MAX_DEPTH) {
    into.set(prefix, value);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (depth === 0 && BOOKKEEPING.has(key)) {
      continue;
    }
    flatten(inner, into, prefix ? `${prefix}.${key}` : key, depth + 1);
  }
}

const present = (value: unknown) => value !== null && value !== undefined;

/**
 * The fields that differ, in the order the snapshots list them (after's first). When there
 * is a before and an after, a field only one of them has is a difference of shape (a service
 * noted its row, the route answered with its summary), not a change, so it is left out.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  names: KnownNames = new Map(),
): AuditChange[] {
  const was = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  if (present(before)) {
    flatten(before, was);
  }
  if (present(after)) {
    flatten(after, now);
  }
  const both = present(before) && present(after);
  const fields = [...new Set([...now.keys(), ...was.keys()])].filter(
    (field) => !both || (was.has(field) && now.has(field)),
  );
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const b = asText(was.get(field), names);
    const a = asText(now.get(field), names);
    if (b !== a) {
      changes.push({ field, before: b, after: a });
    }
  }
  return changes;
}

/** A name people know the target by, where its snapshot has one. */
export function auditTargetName(before: unknown, after: unknown): string | null {
  for (const snapshot of [after, before]) {
    if (isPlain(snapshot)) {
      for (const key of ['name', 'title', 'email']) {
        const value = snapshot[key];
        if (typeof value === 'string' && value.trim() !== '') {
          return value;
        }
      }
    }
  }
  return null;
}
