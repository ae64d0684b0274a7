import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorResponse } from './api-error.response';

/**
 * The API's OpenAPI document as the code describes it. It needs a build with the Swagger plugin
 * (`npm run api:generate`), which writes it to api/openapi.json; the API serves that file.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Bravo API')
    .setDescription('Recognition, points and leaderboards for small businesses.')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('bravo_session')
    // Every operation can fail with the one error body (validation, auth, rules, outages).
    .addGlobalResponse({ status: 'default', description: 'An error', type: ApiErrorResponse })
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorResponse] });
}

/** Object keys sorted recursively (arrays keep their order), so the committed file diffs cleanly. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The committed api/openapi.json, which the API serves: the everyday build skips the Swagger
 * plugin (it needs a type-checked compile), and CI fails when the file no longer matches the code.
 */
export function committedOpenApiDocument(): OpenAPIObject {
  // dist/openapi or src/openapi -> api/
  return JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
  ) as OpenAPIObject;
}
