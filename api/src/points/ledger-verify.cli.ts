import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { dataSourceOptions } from '../database/data-source-options';
import { verifyLedger } from './ledger-verify.queries';

/** `npm run ledger:verify`: rebuilds totals from the ledger and reports drift (exit 1 on drift). */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
  const db = new DataSource(
    dataSourceOptions(config.DATABASE_URL ?? embedded?.url ?? '', { poolSize: 2 }),
  );
  await db.initialize();
  try {
    const report = await verifyLedger(db.manager);
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
