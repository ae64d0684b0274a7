import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { loadDocument, type Document, type Schema } from '../support/openapi';
import { createTestDatabase } from '../support/test-database';

const COMMITTED = join(__dirname, '..', '..', 'api', 'openapi.json');

/** A schema that says what is inside: a named model, or an array/object whose parts are described. */
function describesContent(schema: Schema | undefined): boolean {
  if (!schema) {
    return false;
  }
  if (schema.$ref) {
    return true;
  }
  if (schema.type === 'array') {
    return describesContent(schema.items);
  }
  return schema.type === 'object' ? Object.keys(schema.properties ?? {}).length > 0 : !!schema.type;
}

/** `GET /api/v1/teams: …` for every part of the document the generated web client could not type. */
function gaps(doc: Document): string[] {
  const found: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(op.responses ?? {});
      const success = responses.filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) {
        found.push(`${name}: no 2xx response`);
      }
      for (const [status, response] of success) {
        const schema = response.content?.['application/json']?.schema;
        if (status === '204' ? response.content !== undefined : !describesContent(schema)) {
          found.push(`${name}: ${status} response without a schema of its content`);
        }
      }
      const error = op.responses?.default?.content?.['application/json']?.schema;
      if (error?.$ref !== '#/components/schemas/ApiErrorResponse') {
        found.push(`${name}: no error response schema`);
      }
      if (
        op.requestBody &&
        !describesContent(op.requestBody.content?.['application/json']?.schema)
      ) {
        found.push(`${name}: request body without a schema`);
      }
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let served: Document;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startAppProcess({ DATABASE_URL: database.url, SEED_DEMO: 'false' });
    served = await loadDocument(app.url);
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('types every operation: request body, 2xx responses and the error body', () => {
    expect(Object.keys(served.paths).length).toBeGreaterThan(20);
    expect(gaps(served)).toEqual([]);
  });

  it('finds an operation without a 2xx response schema', () => {
    const broken: Document = {
      paths: {
        '/x': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { type: 'object' } } } },
            },
          },
        },
      },
    };
    expect(gaps(broken)).toEqual([
      'GET /x: 200 response without a schema of its content',
      'GET /x: no error response schema',
    ]);
  });

  // That file matches the code is CI's "api client drift" step (`npm run api:generate`, then
  // git diff): generating it takes the type-checked build with the Swagger plugin.
  it('is the committed api/openapi.json', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Document;
    expect(served).toEqual(committed);
  });
});
