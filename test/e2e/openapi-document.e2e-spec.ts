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

type Content = Record<string, { schema?: Schema }> | undefined;

/** JSON with a described schema, or (files, e.g. an image) only binary strings. */
function describesResponse(content: Content): boolean {
  if (content?.['application/json']) {
    return describesContent(content['application/json'].schema);
  }
  const media = Object.values(content ?? {});
  return (
    media.length > 0 &&
    media.every(({ schema }) => schema?.type === 'string' && schema.format === 'binary')
  );
}

/** A JSON body with a described schema, or a multipart form whose fields are described. */
function describesRequestBody(content: Content): boolean {
  return (
    describesContent(content?.['application/json']?.schema) ||
    describesContent(content?.['multipart/form-data']?.schema)
  );
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
        if (
          status === '204' ? response.content !== undefined : !describesResponse(response.content)
        ) {
          found.push(`${name}: ${status} response without a schema of its content`);
        }
      }
      const error = op.responses?.default?.content?.['application/json']?.schema;
      if (error?.$ref !== '#/components/schemas/ApiErrorResponse') {
        found.push(`${name}: no error response schema`);
      }
      if (op.requestBody && !describesRequestBody(op.requestBody.content)) {
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

  it('takes a binary file response and a multipart body, but not an untyped one', () => {
    const binary: { schema: Schema } = { schema: { type: 'string', format: 'binary' } };
    const error = {
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/ApiErrorResponse' } },
      },
    };
    const doc: Document = {
      paths: {
        '/file': {
          get: { responses: { '200': { content: { 'image/webp': binary } }, default: error } },
        },
        '/text': {
          get: {
            responses: { '200': { content: { 'text/plain': { schema: {} } } }, default: error },
          },
        },
        '/upload': {
          post: {
            requestBody: {
              content: {
                'multipart/form-data': {
                  schema: { type: 'object', properties: { file: binary.schema } },
                },
              },
            },
            responses: { '201': { content: { 'image/webp': binary } }, default: error },
          },
        },
        '/form': {
          post: {
            requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } },
            responses: { '201': { content: { 'image/webp': binary } }, default: error },
          },
        },
      },
    };
    expect(gaps(doc)).toEqual([
      'GET /text: 200 response without a schema of its content',
      'POST /form: request body without a schema',
    ]);
  });

  // That file matches the code is CI's "api client drift" step (`npm run api:generate`, then
  // git diff): generating it takes the type-checked build with the Swagger plugin.
  it('is the committed api/openapi.json', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Document;
    expect(served).toEqual(committed);
  });
});
