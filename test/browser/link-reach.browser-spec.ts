import type { Browser, Page } from 'playwright-core';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { launchBrowser } from './browser';
import { logIn, ROSA, setUpCornerBakery } from './corner-bakery';

/** A name for this machine that is not a loopback one, as a shop's DNS or a hosts file would give. */
const SHOP_HOST = 'bravo-shop.test';

/**
 * Invitation and screen links start with the address the admin is using, and
 * when only this computer could open one the page says so, with the fix.
 */
describe('links other devices open, in the browser', () => {
  let f: BrowserFixture;
  let shopBrowser: Browser;
  beforeAll(async () => {
    f = await startBrowserFixture();
    shopBrowser = await launchBrowser([`--host-resolver-rules=MAP ${SHOP_HOST} 127.0.0.1`]);
    await setUpCornerBakery(f.app.url);
  });
  afterAll(async () => {
    await shopBrowser?.close();
    await f?.close();
  });

  let invited = 0;
  const invite = async (page: Page): Promise<string> => {
    await page.goto('/admin/members');
    const form = page.getByTestId('invite-form');
    await form.getByLabel('Full name').fill('Noor Barista');
    await form.getByLabel('Email').fill(`noor${++invited}@corner.example`);
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-created').waitFor();
    return page.getByTestId('invite-link').inputValue();
  };
  const createScreen = async (page: Page): Promise<string> => {
    await page.goto('/admin/displays');
    // Pairing by code comes first; the secret link is the fold-out under it.
    await page.getByText('Or make a secret link').click();
    await page.getByTestId('display-form').getByLabel('Screen name').fill('Window TV');
    await page.getByTestId('display-submit').click();
    await page.getByTestId('display-created').waitFor();
    return page.getByTestId('display-link').inputValue();
  };

  it('puts the address the admin is using in the links, with no warning', async () => {
    const origin = `http://${SHOP_HOST}:${f.app.port}`;
    const rosa = await logIn(shopBrowser, origin, ROSA);

    expect(await invite(rosa)).toMatch(new RegExp(`^${origin}/invite/[A-Za-z0-9_-]{40,}$`));
    expect(await rosa.getByTestId('local-link-note').count()).toBe(0);

    expect(await createScreen(rosa)).toMatch(new RegExp(`^${origin}/tv/[A-Za-z0-9_-]{40,}$`));
    expect(await rosa.getByTestId('local-link-note').count()).toBe(0);
    await rosa.context().close();
  });

  it('says calmly when only this computer can open a link, and how to fix it', async () => {
    await f.restart(undefined, { PUBLIC_URL: 'http://localhost:3000' });
    const rosa = await logIn(f.browser, f.app.url, ROSA);

    expect(await invite(rosa)).toMatch(/^http:\/\/localhost:3000\/invite\//);
    const note = rosa.getByTestId('local-link-note');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('Only this computer can open this link.');
    expect(text).toContain('localhost:3000');
    expect(text).toContain('PUBLIC_URL');

    expect(await createScreen(rosa)).toMatch(/^http:\/\/localhost:3000\/tv\//);
    await rosa.getByTestId('display-created').getByTestId('local-link-note').waitFor();
    await rosa.context().close();
  });
});
