// The web section: Lighthouse 12 in Debian's Chromium against the built app with its demo data.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { request } from './load.mjs';
import { freePort, startProcess } from './setup.mjs';

// The bench's own packages (bench/package.json), not the project's.
const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SESSION_COOKIE = 'bravo_session';

/** Lighthouse's desktop preset on a 1920×1080 screen, as a TV in the shop shows the page. */
const tvConfig = {
  ...desktopConfig,
  settings: {
    ...desktopConfig.settings,
    screenEmulation: {
      ...desktopConfig.settings.screenEmulation,
      width: 1920,
      height: 1080,
      deviceScaleFactor: 1,
    },
  },
};

/** The built app (web + API) on a fresh database with the demo organisation, as `npm start` runs it. */
export async function startWebApp(databaseUrl) {
  const port = await freePort();
  const app = await startProcess(
    ['api/dist/main.js'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    // The banner's last line: the demo logins are printed above it.
    'Press Ctrl-C to stop.',
  );
  if (app.output.includes('serving the API only')) {
    await app.stop();
    throw new Error('no web build: run `npm run build` before BENCH_ONLY=web');
  }
  // "    employee  some.one@aurora.example   password: …" for each demo role.
  const logins = Object.fromEntries(
    [...app.output.matchAll(/^\s+(admin|employee)\s+(\S+@\S+)\s+password: (\S+)$/gm)].map(
      ([, role, email, password]) => [role, { email, password }],
    ),
  );
  if (!logins.employee || !logins.admin) {
    await app.stop();
    throw new Error(`no demo logins in the banner (not an empty database?):\n${app.output}`);
  }
  return { ...app, url: `http://127.0.0.1:${port}`, logins };
}

/** A demo member's session token (a bearer token for the API, a cookie for the pages). */
async function sessionToken(url, { email, password }) {
  const response = await request(`${url}/api/v1/auth/login`, {
    method: 'POST',
    body: { email, password },
  });
  if (response.status !== 200) {
    throw new Error(`demo login failed: ${response.status} ${response.text}`);
  }
  return JSON.parse(response.text).token;
}

const cookieOf = (token) => `${SESSION_COOKIE}=${encodeURIComponent(token)}`;

/** A display link for the whole organisation: the TV page's URL. */
async function displayUrl(url, adminToken) {
  const response = await request(`${url}/api/v1/displays`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: { name: 'Bench TV', scope: 'organization' },
  });
  if (response.status !== 201) {
    throw new Error(`display link failed: ${response.status} ${response.text}`);
  }
  return `${url}/tv/${JSON.parse(response.text).token}`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const score = (category) => (category ? Math.round(category.score * 100) : undefined);

/** One Lighthouse run reduced to the figures the bench reports. */
async function audit(port, url, { cookie, config, categories }) {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
      // Sent with every request of the page, so the document and its data load logged in.
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    },
    config,
  );
  const { lhr } = result;
  if (lhr.runtimeError) {
    throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl} (not logged in?)`);
  }
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const document = requests.find((item) => item.resourceType === 'Document');
  const numeric = (id) => {
    const value = lhr.audits[id]?.numericValue;
    return value === undefined ? undefined : Math.round(value);
  };
  return {
    performance: score(lhr.categories.performance),
    accessibility: score(lhr.categories.accessibility),
    totalBlockingTimeMs: numeric('total-blocking-time'),
    largestContentfulPaintMs: numeric('largest-contentful-paint'),
    htmlTransferredBytes: document?.transferSize,
    htmlBytes: document?.resourceSize,
    // Everything the page pulled over the network (HTML, styles, scripts, icons), compressed.
    totalTransferredBytes: numeric('total-byte-weight'),
    requests: requests.length,
    scriptRequests: requests.filter((item) => item.resourceType === 'Script').length,
    failedAccessibilityAudits: lhr.categories.accessibility?.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null)
      .filter((ref) => lhr.audits[ref.id].score < 1)
      .map((ref) => ref.id),
  };
}

/** `runs` audits of one page; the run with the median performance score stands for them. */
async function measure(port, url, options, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(await audit(port, url, options));
  }
  if (runs === 1) {
    return results[0];
  }
  const performances = results.map((r) => r.performance);
  const middle = median(performances);
  return {
    ...results.find((r) => r.performance === middle),
    runs: performances,
  };
}

/**
 * Lighthouse scores of the feed (a member, mobile), the TV page (1920×1080) and,
 * for accessibility only, the other main pages.
 */
export async function webScores(databaseUrl, { runs }) {
  const app = await startWebApp(databaseUrl);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const member = cookieOf(await sessionToken(app.url, app.logins.employee));
    const adminToken = await sessionToken(app.url, app.logins.admin);
    const admin = cookieOf(adminToken);
    const tv = await displayUrl(app.url, adminToken);
    const full = ['performance', 'accessibility'];
    const feed = await measure(
      chrome.port,
      `${app.url}/`,
      { cookie: member, categories: full },
      runs,
    );
    const tvPage = await measure(chrome.port, tv, { config: tvConfig, categories: full }, runs);

    const accessibility = {};
    const pages = [
      ['login', '/login', undefined],
      ['signup', '/signup', undefined],
      ['leaderboard', '/leaderboard', member],
      ['adminMembers', '/admin/members', admin],
      ['adminTeams', '/admin/teams', admin],
      ['adminValues', '/admin/values', admin],
      ['adminDisplays', '/admin/displays', admin],
      ['adminSettings', '/admin/settings', admin],
      ['adminBadges', '/admin/badges', admin],
      ['missions', '/missions', member],
      ['manageMissions', '/manage/missions', admin],
      ['approvals', '/manage/approvals', admin],
    ];
    for (const [name, path, cookie] of pages) {
      const { accessibility: value, failedAccessibilityAudits } = await audit(
        chrome.port,
        `${app.url}${path}`,
        { cookie, categories: ['accessibility'] },
      );
      accessibility[name] = { accessibility: value, failedAccessibilityAudits };
    }
    return {
      lighthouse: require('lighthouse/package.json').version,
      chromium: execFileSync(CHROMIUM, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim(),
      runsPerPage: runs,
      feed: { formFactor: 'mobile', ...feed },
      tv: { formFactor: 'desktop 1920×1080', ...tvPage },
      accessibility,
      goal: 'feed performance >= 90, TV performance 100, accessibility >= 95 on every page',
    };
  } finally {
    await chrome.kill();
    await app.stop();
  }
}

/** The code of the first demo team's public praise page, as its poster links it. */
async function praisePagePath(url, adminToken) {
  const auth = { authorization: `Bearer ${adminToken}` };
  const teams = await request(`${url}/api/v1/teams`, { headers: auth });
  const [team] = JSON.parse(teams.text);
  if (teams.status !== 200 || !team) {
    throw new Error(`no demo team: ${teams.status} ${teams.text}`);
  }
  const page = await request(`${url}/api/v1/praise/pages/${team.id}`, { headers: auth });
  if (page.status !== 200) {
    throw new Error(`praise page code failed: ${page.status} ${page.text}`);
  }
  return `/p/${JSON.parse(page.text).code}`;
}

/**
 * The customer's praise page behind a poster's QR code (`/p/<code>`), logged out:
 * Lighthouse's default mobile run (emulated phone, simulated slow 4G, 4× CPU slowdown),
 * in English and, right to left, in Arabic.
 */
export async function praisePageScores(databaseUrl, { runs }) {
  const app = await startWebApp(databaseUrl);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const path = await praisePagePath(app.url, await sessionToken(app.url, app.logins.admin));
    const full = ['performance', 'accessibility'];
    const english = await measure(chrome.port, `${app.url}${path}`, { categories: full }, runs);
    const arabic = await measure(
      chrome.port,
      `${app.url}${path}?lang=ar`,
      { categories: full },
      runs,
    );
    return {
      lighthouse: require('lighthouse/package.json').version,
      runsPerPage: runs,
      en: { formFactor: 'mobile', ...english },
      ar: { formFactor: 'mobile', ...arabic },
      goal: 'performance >= 95, <= 50 KB transferred, no scripts, accessibility >= 95',
    };
  } finally {
    await chrome.kill();
    await app.stop();
  }
}
