import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Response } from 'playwright-core';
import type { CreatedDisplayDto } from '@bravo/shared';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { ROSA, api, logIn, setUpCornerBakery, type CornerBakery } from './corner-bakery';

/**
 * The web's own security in a real browser: every kind of page runs under the
 * strict CSP without a single violation, carries the security headers, cannot
 * be framed (TV screens only by the configured signage players), and login and
 * language switching never redirect off the site.
 */
describe('web security in the browser', () => {
  let f: BrowserFixture;
  let org: CornerBakery;
  /** A TV signage player's own page, on another origin (another port), that frames `?src=`. */
  let player: Server;
  let signage: string;
  beforeAll(async () => {
    f = await startBrowserFixture();
    org = await setUpCornerBakery(f.app.url);
    player = createServer((request, response) => {
      const src = new URL(request.url ?? '/', 'http://player').searchParams.get('src') ?? '';
      response.setHeader('content-type', 'text/html');
      response.end(
        `<iframe src="${src.replace(/"/g, '&quot;')}" onload="document.title = 'framed'"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => player.listen(0, '127.0.0.1', resolve));
    signage = `http://127.0.0.1:${(player.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    player?.close();
    await f?.close();
  });

  const createScreen = () =>
    api<CreatedDisplayDto>(
      f.app.url,
      'POST',
      'displays',
      { name: 'Counter TV', scope: 'organization', rotationSeconds: 5 },
      org.rosa.token,
    );

  /** The screen's link on the address the app listens at (its PUBLIC_URL says localhost). */
  const tvUrl = (screen: CreatedDisplayDto) => `${f.app.url}${new URL(screen.url).pathname}`;

  it('runs login, feed, screens admin, a TV and the error page with no CSP violation, headers on each', async () => {
    const checked: { page: string; problems: string[] }[] = [];
    const check = async (page: string, take: TakeProblems, expected?: RegExp) =>
      checked.push({ page, problems: (await take()).filter((p) => !expected?.test(p)) });

    let take: TakeProblems = async () => [];
    const rosa = await logIn(f.browser, f.app.url, ROSA, {
      prepare: async (page) => {
        take = await watch(page);
      },
    });
    await check('login, then the feed', take);
    const online = () => rosa.locator('main[data-live="online"]').waitFor();

    // The feed: a value chip's colour is a style attribute, the live socket a websocket.
    const feed = await rosa.goto('/');
    await online();
    expect(await rosa.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    expectPageHeaders(feed, 'strict-origin-when-cross-origin');
    await check('/', take);

    // Screens admin, with a new screen's QR code (inline SVG and a data: PNG).
    const screens = await rosa.goto('/admin/displays');
    await online();
    expectPageHeaders(screens, 'strict-origin-when-cross-origin');
    await rosa.getByText('Or make a secret link').click();
    await rosa.getByTestId('display-form').getByLabel('Screen name').fill('Window TV');
    await rosa.getByTestId('display-submit').click();
    await rosa.getByTestId('display-created').getByTestId('display-qr').locator('svg').waitFor();
    await check('/admin/displays', take);

    const missing = await rosa.goto('/no-such-page');
    await rosa.getByTestId('error-page').waitFor();
    expect(missing?.status()).toBe(404);
    expectPageHeaders(missing, 'strict-origin-when-cross-origin');
    // The 404 document itself is the one error the console reports.
    await check('/no-such-page', take, /status of 404/);
    await rosa.context().close();

    // The TV: its link is its secret, so it never leaves as a referrer.
    const screen = await createScreen();
    const tv = await (await f.browser.newContext()).newPage();
    take = await watch(tv);
    const shown = await tv.goto(tvUrl(screen));
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor({ timeout: 10_000 });
    expectPageHeaders(shown, 'no-referrer');
    await check('/tv/…', take);
    await tv.context().close();

    const visitor = await (await f.browser.newContext()).newPage();
    take = await watch(visitor);
    const login = await visitor.goto(`${f.app.url}/login`);
    await visitor.waitForLoadState('networkidle');
    expectPageHeaders(login, 'strict-origin-when-cross-origin');
    await check('/login', take);
    await visitor.context().close();

    expect(checked).toEqual(checked.map(({ page }) => ({ page, problems: [] })));
  });

  it('refuses to be framed by another site, TV screens included', async () => {
    const screen = await createScreen();
    expect(await frameOutcome(tvUrl(screen))).toBe('refused');
    expect(await frameOutcome(`${f.app.url}/login`)).toBe('refused');
  });

  it('never redirects off the site after logging in or switching language', async () => {
    const next = '/\t/evil.example';
    const page = await (await f.browser.newContext({ baseURL: f.app.url })).newPage();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    const login = page.getByTestId('login-form');
    await login.getByLabel('Email').fill(ROSA.email);
    await login.getByLabel('Password').fill(ROSA.password);
    const loginPage = page.url();
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.href !== loginPage);
    expect(page.url()).toBe(`${f.app.url}/`);
    await page.getByTestId('welcome').waitFor();
    await page.context().close();

    // The same over plain HTTP (a form post without JavaScript), for each bypass family.
    for (const target of [next, '/\n/evil.example', '/\\evil.example', '/.//evil.example']) {
      const byLogin = await post('/login', {
        email: ROSA.email,
        password: ROSA.password,
        next: target,
      });
      expect({ target, status: byLogin.status, location: byLogin.headers.get('location') }).toEqual(
        { target, status: 303, location: '/' },
      );
      const byLanguage = await post('/language', { locale: 'en', redirectTo: target });
      expect({ target, location: byLanguage.headers.get('location') }).toEqual({
        target,
        location: '/',
      });
    }
    // A path of the app itself still works.
    const back = await post('/language', { locale: 'en', redirectTo: '/leaderboard?period=all' });
    expect(back.headers.get('location')).toBe('/leaderboard?period=all');
  });

  it('lets the configured signage players frame TV screens only, and sends HSTS over TLS', async () => {
    await f.restart(undefined, { FRAME_ANCESTORS: signage, TRUST_PROXY: 'true' });
    const screen = await createScreen();
    expect(await frameOutcome(tvUrl(screen))).toBe('shown');
    expect(await frameOutcome(`${f.app.url}/login`)).toBe('refused');

    const tv = await fetch(tvUrl(screen), { headers: { 'x-forwarded-proto': 'https' } });
    expect(tv.headers.get('content-security-policy')).toContain(`frame-ancestors ${signage}`);
    expect(tv.headers.get('x-frame-options')).toBeNull();
    expect(tv.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    const plain = await fetch(new URL('/login', f.app.url));
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
  });

  /**
   * Loads `src` in an iframe of the signage player's page: shown, or refused by
   * the browser after the app answered.
   */
  async function frameOutcome(src: string): Promise<'shown' | 'refused'> {
    const context = await f.browser.newContext();
    try {
      const page = await context.newPage();
      const answered = page.waitForResponse((response) => response.url() === src);
      const blocked = page.waitForEvent('requestfailed', {
        predicate: (request) => request.url() === src,
        timeout: 10_000,
      });
      void blocked.catch(() => undefined); // not awaited when the frame is shown
      await page.goto(`${signage}/?src=${encodeURIComponent(src)}`);
      // The iframe's load event fires for a page shown and for one the browser refused.
      await page.waitForFunction(() => document.title === 'framed');
      expect((await answered).status()).toBe(200);
      const body = page.frameLocator('iframe').locator('body[data-sveltekit-preload-data]');
      if ((await body.count()) === 1) {
        return 'shown';
      }
      expect((await blocked).failure()?.errorText).toBe('net::ERR_BLOCKED_BY_RESPONSE');
      return 'refused';
    } finally {
      await context.close();
    }
  }

  /** A form post as a browser without JavaScript sends it (same origin). */
  const post = (path: string, fields: Record<string, string>) =>
    fetch(new URL(path, f.app.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: f.app.url, accept: 'text/html' },
      body: new URLSearchParams(fields),
    });
});

/** Returns the problems seen since the last call, and forgets them. */
type TakeProblems = () => Promise<string[]>;

/** Watches a page for CSP violations (as its documents see them) and console errors. */
async function watch(page: Page): Promise<TakeProblems> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return async () => [
    ...problems.splice(0),
    ...(await page.evaluate(() =>
      (window as unknown as { cspViolations: string[] }).cspViolations.splice(0),
    )),
  ];
}

function expectPageHeaders(response: Response | null, referrerPolicy: string): void {
  const headers = response?.headers() ?? {};
  const csp = Object.fromEntries(
    (headers['content-security-policy'] ?? '').split(/;\s*/).map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-[\w+/=]+'$/)]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'self'"]);
  expect(csp['form-action']).toEqual(["'self'"]);
  expect(csp['img-src']).toEqual(["'self'", 'data:']);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': referrerPolicy,
  });
  expect(headers['strict-transport-security']).toBeUndefined();
}
