import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { freePort } from '../support/free-port';
import { launchBrowser } from './browser';

export interface BrowserFixture {
  /** The running app; a new process (same port, same data) after `restart`. */
  app: AppProcess;
  browser: Browser;
  /** The app's database (its embedded PostgreSQL), for setting up data no API makes quickly. */
  databaseUrl: string;
  /**
   * Stops the app, runs `whileDown`, and starts it again on the same port with
   * the same data, as a deployment or a crash would; `env` changes variables.
   */
  restart(whileDown?: () => Promise<void>, env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** The built app (web + API on one port, embedded PostgreSQL in a temp folder) and a Chromium. */
export async function startBrowserFixture(
  env: Record<string, string> = {},
): Promise<BrowserFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bravo-browser-'));
  const appEnv: Record<string, string> = {
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    SEED_DEMO: 'false',
    ...env,
  };
  const app = await startAppProcess(appEnv);
  const browser = await launchBrowser();
  const fixture: BrowserFixture = {
    app,
    browser,
    // Credentials and database name as api/src/database/embedded-postgres.ts creates them.
    databaseUrl:
      appEnv.DATABASE_URL ??
      `postgres://postgres:postgres@127.0.0.1:${appEnv.EMBEDDED_PG_PORT}/bravo`,
    restart: async (whileDown, changes = {}) => {
      const { port } = fixture.app;
      await fixture.app.stop();
      await whileDown?.();
      fixture.app = await startAppProcess({ ...appEnv, ...changes }, { port });
    },
    close: async () => {
      await browser.close();
      await fixture.app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
