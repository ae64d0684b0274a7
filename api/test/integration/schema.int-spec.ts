import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ENTITIES } from '../../src/entities';
import { createTestDatabase } from '../../../test/support/test-database';
import { startTestApp } from '../support/test-app';

/** `npm run migration:check`: generating a migration from the entities must produce nothing. */
describe('entities and migrations agree', () => {
  it('leaves no schema difference after all migrations', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource({
      ...dataSourceOptions(database.url, { poolSize: 1 }),
      entities: ENTITIES,
    });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      const statements = pending.upQueries.map((q) => q.query);
      expect(statements).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('puts organization_id on every tenant table', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.url, { poolSize: 1 }));
    await dataSource.initialize();
    try {
      const rows: { table_name: string }[] = await dataSource.query(
        `SELECT t.table_name FROM information_schema.tables t
          WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            AND t.table_name NOT IN ('organizations', 'migrations')
            AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                             WHERE c.table_name = t.table_name AND c.column_name = 'organization_id')`,
      );
      expect(rows.map((r) => r.table_name)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('has the running app load every entity from its feature modules', async () => {
    const t = await startTestApp();
    try {
      const loaded = t.db.entityMetadatas.map((m) => m.target);
      expect(new Set(loaded)).toEqual(new Set(ENTITIES));
    } finally {
      await t.close();
    }
  });
});
