import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../api/src/database/embedded-postgres';
import { runMigrations } from '../../api/src/database/migrate';
import { freePort } from './free-port';
import { withDatabase } from './test-database';

declare global {
  var __bravoStopPostgres: (() => Promise<void>) | undefined;
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL when given, otherwise an
 * embedded server in a temp folder. Migrations run once, into a template
 * database that every test file copies.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    console.log(`\n[test db] using TEST_DATABASE_URL`);
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'bravo-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    // The folder goes with the server: a run must not leave its database on the disk.
    globalThis.__bravoStopPostgres = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    adminUrl = server.url;
    console.log(`\n[test db] embedded PostgreSQL in ${dataDir}`);
  }
  const template = `bravo_test_${process.pid}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  await runMigrations(withDatabase(adminUrl, template));
  process.env.BRAVO_TEST_ADMIN_URL = adminUrl;
  process.env.BRAVO_TEST_TEMPLATE = template;
}
