import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const MIGRATION_LOCK = 7_301_001;

/** Applies pending migrations; returns the names of those applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url, { poolSize: 2 }),
    logging: ['error'],
  });
  await dataSource.initialize();
  // Several instances may start at once (docker compose, a rolling deploy): one migrates, the others wait.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
