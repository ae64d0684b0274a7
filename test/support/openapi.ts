import type { Role } from '@bravo/shared';

/** The parts of a JSON schema (OpenAPI 3.0 flavour) the walks read. */
export interface Schema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export type MinRole = Role | 'public';

/** One operation of the API, everything resolved: what a walk needs to call it. */
export interface Operation {
  method: string;
  /** The path template, e.g. `/api/v1/members/{id}`. */
  path: string;
  /** From `x-min-role`, set where `@Public()` / `@RequireRole()` are declared; none means any member. */
  minRole: MinRole;
  parameters: Parameter[];
  body?: Schema;
}

type Content = Record<string, { schema?: Schema }>;

/** One operation as the document states it (unresolved). */
export interface RawOperation {
  'x-min-role'?: MinRole;
  parameters?: Parameter[];
  requestBody?: { content?: Content };
  responses?: Record<string, { content?: Content }>;
}

export interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Replaces every `$ref` by the schema it names (the document has no cycles; depth-limited anyway). */
function dereference(schema: Schema, doc: Document, depth = 0): Schema {
  if (depth > 20) {
    throw new Error('schema nesting too deep: a $ref cycle?');
  }
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) {
      throw new Error(`unknown $ref ${schema.$ref}`);
    }
    return dereference(target, doc, depth + 1);
  }
  return {
    ...schema,
    ...(schema.items ? { items: dereference(schema.items, doc, depth + 1) } : {}),
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([k, v]) => [k, dereference(v, doc, depth + 1)]),
          ),
        }
      : {}),
  };
}

/** The running app's OpenAPI document. */
export async function loadDocument(baseUrl: string): Promise<Document> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (!response.ok) {
    throw new Error(`GET /api/openapi.json answered ${response.status}`);
  }
  return (await response.json()) as Document;
}

/** Every operation of the running app's OpenAPI document, in a stable order. */
export async function loadOperations(baseUrl: string): Promise<Operation[]> {
  const doc = await loadDocument(baseUrl);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const schema = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        minRole: raw['x-min-role'] ?? 'employee',
        parameters: (raw.parameters ?? []).map((p) => ({
          ...p,
          schema: dereference(p.schema ?? {}, doc),
        })),
        ...(schema ? { body: dereference(schema, doc) } : {}),
      });
    }
  }
  return operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** `/members/{id}` with `{ id: 'x' }` → `/members/x` (values are used as written: already encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? '');
}

/**
 * The collection a parameter or field points into, read from the document:
 * the path segment before `{id}` (`/teams/{id}` → teams), or the field's name
 * (`teamId`, `managedTeamIds` → teams). Null when nothing says.
 */
export function collectionOf(
  name: string,
  template: string | undefined,
  known: string[],
): string | null {
  if (template && name === 'id') {
    const segments = template.split('/');
    const before = segments[segments.indexOf(`{${name}}`) - 1];
    return known.includes(before) ? before : null;
  }
  const stem = name.replace(/Ids?$/, '').toLowerCase();
  return (
    known.find((c) => stem !== name.toLowerCase() && stem.endsWith(c.replace(/s$/, ''))) ?? null
  );
}

/** Path and query parameters that name ids (`id`, `…Id`): the walks fill them with real ones. */
export const isIdName = (name: string) => name === 'id' || /Ids?$/.test(name);
