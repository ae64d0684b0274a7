import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../api/src/common/clock';
import { createLogger } from '../../api/src/common/logger';
import { loadConfig } from '../../api/src/config/app-config';
import { createApp } from '../../api/src/server/create-app';
import { createTestDatabase } from './test-database';
import { ApiClient } from './api-client';

export interface TestApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  db: DataSource;
  baseUrl: string;
  api: ApiClient;
  close(): Promise<void>;
}

/** The real application on its own fresh database, listening on a random port. */
export async function startTestApp(
  options: { clock?: Clock; env?: Record<string, string>; shareDatabaseOf?: TestApp } = {},
): Promise<TestApp> {
  // A second instance on the first one's database (scale-out tests) must not drop it.
  const database = options.shareDatabaseOf
    ? { url: options.shareDatabaseOf.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  // Uploaded files go to a folder of this app's own, removed on close, unless the test names one.
  const uploadsDir = options.env?.UPLOADS_DIR
    ? null
    : await mkdtemp(join(tmpdir(), 'bravo-test-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    ...(uploadsDir ? { UPLOADS_DIR: uploadsDir } : {}),
    ...options.env,
  });
  const app = await createApp(
    config,
    database.url,
    createLogger(config.LOG_LEVEL),
    undefined,
    options.clock,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    databaseUrl: database.url,
    db: app.get<DataSource>(getDataSourceToken()),
    baseUrl,
    api: new ApiClient(baseUrl),
    close: async () => {
      await app.close();
      await database.drop();
      if (uploadsDir) {
        await rm(uploadsDir, { recursive: true, force: true });
      }
    },
  };
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date()) {}

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
