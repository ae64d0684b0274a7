import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { networkInterfaces } from 'node:os';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { createLogger } from '../common/logger';
import { lanAddresses } from '../common/public-origin';
import { loadConfig } from '../config/app-config';
import type { RunningPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { seedDemoIfEmpty, type DemoLogin } from '../seed/demo-seed';
import { createApp } from './create-app';
import { loadWebHandler, notBuilt, type NodeHandler } from './web-handler';

export interface RunningServer {
  app: NestFastifyApplication;
  url: string;
  stop(): Promise<void>;
}

/** Everything `npm start` does: database, migrations, demo data, web + API on one port. */
export interface StartOptions {
  /**
   * Settles when the web build is ready to load (`npm start` builds it while the database
   * starts and the API boots); it rejects with the build's failure.
   */
  webReady?: PromiseLike<unknown>;
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  options: StartOptions = {},
): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);

  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    logger.info(
      { dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT },
      'starting embedded PostgreSQL',
    );
    // Loaded only when used: with DATABASE_URL set, the PostgreSQL binaries' package is not needed.
    const { startEmbeddedPostgres } = await import('../database/embedded-postgres.js');
    embedded = await startEmbeddedPostgres({
      dataDir: config.DATA_DIR,
      port: config.EMBEDDED_PG_PORT,
      log: (line) => logger.debug({ context: 'postgres' }, line),
    });
    databaseUrl = embedded.url;
  }

  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length > 0) {
      logger.info({ migrations: applied }, 'migrations applied');
    }
    const webDir = config.WEB_BUILD_DIR;
    // The web's handler is taken once its build is there; nothing is served before that.
    let webHandler: NodeHandler | undefined;
    const app = await createApp(
      config,
      databaseUrl,
      logger,
      webDir ? (req, res, next) => (webHandler ?? notBuilt)(req, res, next) : undefined,
    );
    await app.init();

    const logins = config.SEED_DEMO
      ? await seedDemoIfEmpty(app.get<DataSource>(getDataSourceToken()), app.get(PasswordHasher))
      : null;

    if (webDir) {
      await options.webReady;
      const web = await loadWebHandler(webDir, config.webApiSecret);
      if (!web.built) {
        logger.warn(`no web build in ${webDir}: serving the API only (run npm run build)`);
      }
      webHandler = web.handler;
    }

    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://localhost:${port}`;
    printBanner(
      url,
      reachableUrls(config.HOST, port),
      logins,
      embedded ? `embedded PostgreSQL in ${config.DATA_DIR}` : 'DATABASE_URL',
    );

    return {
      app,
      url,
      stop: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** The addresses other devices may open: each LAN address when listening on every interface. */
function reachableUrls(host: string, port: number): string[] {
  const everywhere = host === '0.0.0.0' || host === '::';
  const hosts = everywhere ? lanAddresses(networkInterfaces()) : [host];
  return hosts
    .filter((h) => h !== 'localhost' && !h.startsWith('127.'))
    .map((h) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`);
}

function printBanner(
  url: string,
  others: string[],
  logins: DemoLogin[] | null,
  database: string,
): void {
  const lines = ['', `  Bravo is running at ${url}`];
  for (const other of others) {
    lines.push(`                  and ${other}  (phones, TVs on this network)`);
  }
  lines.push(`  API docs: ${url}/api/docs   database: ${database}`);
  if (logins) {
    lines.push('', '  Demo organisation "Aurora Coffee" created. Log in as:');
    for (const l of logins) {
      lines.push(`    ${l.role.padEnd(9)} ${l.email.padEnd(32)} password: ${l.password}`);
    }
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}
