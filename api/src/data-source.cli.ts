import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source-options';
import { ENTITIES } from './entities';

/** Used only by the TypeORM CLI (`npm run migration:generate`). */
export default new DataSource({
  ...dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
  entities: ENTITIES,
});
