import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { freePort } from '../support/free-port';
import { launchBrowser } from './browser';

export interface BrowserFixture {
  app: AppProcess;
  browser: Browser;
  close(): Promise<void>;
}

/** The built app (web + API on one port, embedded PostgreSQL in a temp folder) and a Chromium. */
export async function startBrowserFixture(
  env: Record<string, string> = {},
): Promise<BrowserFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bravo-browser-'));
  const app = await startAppProcess({
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    SEED_DEMO: 'false',
    ...env,
  });
  const browser = await launchBrowser();
  return {
    app,
    browser,
    close: async () => {
      await browser.close();
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
