import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.BRAVO_TEST_ADMIN_URL;
  const template = process.env.BRAVO_TEST_TEMPLATE;
  if (adminUrl && template) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    // The template and any copy a crashed test file left behind.
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${template}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.end();
  }
  await globalThis.__bravoStopPostgres?.();
}
