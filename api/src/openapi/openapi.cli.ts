import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { createOpenApiDocument, sortKeys } from './openapi-document';

/**
 * `npm run openapi -w @bravo/api`: writes `api/openapi.json` from the built
 * controllers and DTOs. Preview mode builds the module graph without running
 * any provider, so no database or Redis is needed (CI regenerates it on a clean clone).
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(
    AppModule.register(loadConfig({}), 'postgres://unused'),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  // The same prefix and versioning as createApp: they shape every path.
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  const document = sortKeys(createOpenApiDocument(app));
  const target = resolve(__dirname, '../../openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
