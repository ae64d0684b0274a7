import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { startDatabase } from './setup.mjs';
import { startWebApp } from './web.mjs';
import { request } from './load.mjs';
const db = await startDatabase('prof');
const app = await startWebApp(db.url);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const r = await request(`${app.url}/api/v1/auth/login`, {
    method: 'POST',
    body: app.logins.employee,
  });
  const token = JSON.parse(r.text).token;
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await ctx.addCookies([{ name: 'bravo_session', value: token, url: app.url }]);
  const page = await ctx.newPage();
  await page.goto(`${app.url}/favicon.svg`);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${app.url}/`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/work/prof/cpu.cpuprofile', JSON.stringify(profile));
} finally {
  await browser.close();
  await app.stop();
  await db.stop();
}
