import { Readable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { CSV_BOM, csvRow, type CsvValue } from '../common/csv';
import { mapRow, WITHOUT_JIT, type Statement } from './analytics.queries';

/** Rows fetched from the cursor per round trip: memory stays flat however long the table. */
const PAGE_ROWS = 500;
const CURSOR = 'analytics_csv';

/**
 * A table as a CSV stream: a server-side cursor over the statement (in a read-only transaction
 * of its own connection), fetched a page at a time as the reply drains. The cursor is declared
 * before the reply starts, so a failing statement still answers with an error status; the
 * connection goes back to the pool when the stream ends, fails or the client goes away.
 */
export async function csvStream(dataSource: DataSource, statement: Statement): Promise<Readable> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SET TRANSACTION READ ONLY');
    // Cursors are planned for the first 10% of rows by default (fast-start nested loops); the
    // whole table is read, so plan it as the JSON answer is planned.
    await runner.query('SET LOCAL cursor_tuple_fraction = 1');
    await runner.query(WITHOUT_JIT);
    await runner.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${statement.sql}`, statement.params);
  } catch (error) {
    await close(runner);
    throw error;
  }
  return Readable.from(pages(runner, statement), { objectMode: false });
}

async function* pages(runner: QueryRunner, statement: Statement): AsyncGenerator<string> {
  try {
    yield CSV_BOM + csvRow(statement.columns.map((c) => c.key));
    for (;;) {
      const rows = (await runner.query(`FETCH ${PAGE_ROWS} FROM ${CURSOR}`)) as Record<
        string,
        unknown
      >[];
      if (rows.length === 0) {
        break;
      }
      let chunk = '';
      for (const raw of rows) {
        const row = mapRow<Record<string, CsvValue>>(statement.columns, raw);
        chunk += csvRow(statement.columns.map((c) => row[c.key]));
      }
      yield chunk;
    }
  } finally {
    await close(runner);
  }
}

async function close(runner: QueryRunner): Promise<void> {
  try {
    if (runner.isTransactionActive) {
      await runner.rollbackTransaction();
    }
  } finally {
    await runner.release();
  }
}
