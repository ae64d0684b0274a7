import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where the global setup left the server and the migrated template database. */
export function testDatabaseEnv(): { adminUrl: string; template: string } {
  const adminUrl = process.env.BRAVO_TEST_ADMIN_URL;
  const template = process.env.BRAVO_TEST_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error(
      'The test database is not set up: run tests through `npm test` (jest global setup).',
    );
  }
  return { adminUrl, template };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseEnv().adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl, template } = testDatabaseEnv();
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
