import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { freezePostgres } from '../support/postgres-freeze';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';

/** The API's database bound while frozen (statement 1 s + 1 s grace), plus rendering and a busy machine. */
const PAGE_BOUND_MS = 6000;

/** The web while its database is frozen: calm pages within seconds, and back by itself. */
describe('the web during a database outage', () => {
  let f: BrowserFixture;
  let dataDir: string;
  let thaw: (() => void) | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bravo-browser-outage-'));
    f = await startBrowserFixture({
      DATA_DIR: dataDir,
      DB_CONNECT_TIMEOUT_MS: '500',
      DB_STATEMENT_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    thaw?.();
    await f?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const newPage = async (): Promise<Page> =>
    (await f.browser.newContext({ baseURL: f.app.url })).newPage();

  const fillLogin = async (page: Page) => {
    const login = page.getByTestId('login-form');
    await login.getByLabel('Email').fill('dora@outage.example');
    await login.getByLabel('Password').fill('dora-password-1');
    await page.getByTestId('login-submit').click();
  };

  it('a page load shows "try again in a moment" (503), a form says why, and both recover', async () => {
    await new ApiClient(f.app.url).signup({
      name: 'Dora Outage',
      email: 'dora@outage.example',
      password: 'dora-password-1',
    });
    const member = await newPage();
    await member.goto('/login');
    await fillLogin(member);
    await member.getByTestId('welcome').waitFor();
    const visitor = await newPage();
    await visitor.goto('/login');

    thaw = freezePostgres(join(dataDir, 'postgres'));
    try {
      // The session check in the server hooks meets the outage first.
      const started = Date.now();
      const response = await member.goto('/', { timeout: 30_000 });
      expect(response?.status()).toBe(503);
      expect(Date.now() - started).toBeLessThan(PAGE_BOUND_MS);
      expect(await member.getByTestId('error-page').textContent()).toContain(
        'Bravo is taking a short break',
      );

      const submitted = Date.now();
      await fillLogin(visitor);
      await visitor.getByTestId('form-error').waitFor({ timeout: 30_000 });
      expect(Date.now() - submitted).toBeLessThan(PAGE_BOUND_MS);
      expect(await visitor.getByTestId('form-error').textContent()).toContain(
        'cannot reach its database',
      );
    } finally {
      thaw();
    }

    await member.goto('/');
    await member.getByTestId('welcome').waitFor();
  });
});
