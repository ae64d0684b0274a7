// Ad-hoc: one Lighthouse run of the feed, printing where the time goes. Not committed.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { writeFileSync } from 'node:fs';
import { startDatabase } from './setup.mjs';
import { startWebApp } from './web.mjs';
import { request } from './load.mjs';
const db = await startDatabase('lh');
const app = await startWebApp(db.url);
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    ...(process.env.LH_FLAGS ? process.env.LH_FLAGS.split(' ') : []),
  ],
});
try {
  const r = await request(`${app.url}/api/v1/auth/login`, {
    method: 'POST',
    body: app.logins.employee,
  });
  const cookie = `bravo_session=${encodeURIComponent(JSON.parse(r.text).token)}`;
  const path = process.env.LH_PATH ?? '/';
  for (let i = 0; i < Number(process.env.LH_RUNS ?? 2); i++) {
    const { lhr, artifacts } = await lighthouse(`${app.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders: { Cookie: cookie },
    });
    writeFileSync(`/work/prof/lhr-${i}.json`, JSON.stringify(lhr));
    writeFileSync(
      `/work/prof/trace-${i}.json`,
      JSON.stringify(artifacts.Trace ?? artifacts.traces?.defaultPass),
    );
    const a = lhr.audits;
    console.log(
      'score',
      lhr.categories.performance.score,
      'TBT',
      a['total-blocking-time'].numericValue | 0,
      'LCP',
      a['largest-contentful-paint'].numericValue | 0,
      'FCP',
      a['first-contentful-paint'].numericValue | 0,
      'SI',
      a['speed-index'].numericValue | 0,
      'CLS',
      a['cumulative-layout-shift'].numericValue,
    );
    console.log(
      'mainthread',
      a['mainthread-work-breakdown'].details.items
        .map((x) => `${x.group}:${x.duration | 0}`)
        .join(' '),
    );
    console.log(
      'bootup',
      a['bootup-time'].details.items
        .map(
          (x) =>
            `${x.url.split('/').pop()}:${x.total | 0}/${x.scripting | 0}/${x.scriptParseCompile | 0}`,
        )
        .join(' '),
    );
    console.log(
      'long',
      (a['long-tasks'].details?.items ?? [])
        .map((x) => `${x.url.split('/').pop()}@${x.startTime | 0}:${x.duration | 0}`)
        .join(' '),
    );
    console.log('dom', a['dom-size']?.numericValue, 'bytes', a['total-byte-weight'].numericValue);
    // console.log('lcp-el', JSON.stringify(a['largest-contentful-paint-element']?.details?.items?.[1] ?? a['largest-contentful-paint-element']?.details?.items?.[0]).slice(0, 600));
  }
} finally {
  await chrome.kill();
  await app.stop();
  await db.stop();
}
