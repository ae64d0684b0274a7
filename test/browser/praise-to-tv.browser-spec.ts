import type { CreatedDisplayDto } from '@bravo/shared';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { KAI, ROSA, api, logIn, setUpCornerBakery, type CornerBakery } from './corner-bakery';
import { until } from '../support/wait';

const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } };
/** The API's minimum fill time (praise-rules.ts): a person takes a few seconds to write. */
const MIN_FILL_MS = 3000;
/** Text as read, without the isolation marks around names in sentences. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');
const WORDS = 'Kai saved my birthday: the last cake of the day, boxed with a ribbon!';

/**
 * The whole loop of a customer's praise: from the poster's QR page on a phone, through the
 * manager's approval, to the store's TV (a newsflash, then "What our customers say") and the
 * named employee's live notification.
 */
describe('a customer’s praise, from the phone to the TV', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  let team: { id: string };
  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
    team = await api<{ id: string }>(
      f.app.url,
      'POST',
      'teams',
      { name: 'Front counter' },
      bakery.rosa.token,
    );
    await api(
      f.app.url,
      'PATCH',
      `members/${bakery.kai.member.id}`,
      { teamId: team.id },
      bakery.rosa.token,
    );
  });
  afterAll(() => f?.close());

  it('a phone sends it, the manager approves it, the TV celebrates and shows it, Kai is told', async () => {
    // The store's TV: public-safe by default, showing the customers' words.
    const screen = await api<CreatedDisplayDto>(
      f.app.url,
      'POST',
      'displays',
      { name: 'Counter TV', scope: 'team', teamId: team.id, panels: ['customer_praise'] },
      bakery.rosa.token,
    );
    expect(screen.publicSafe).toBe(true);
    const tvContext = await f.browser.newContext({
      baseURL: f.app.url,
      viewport: { width: 1920, height: 1080 },
    });
    const tv = await tvContext.newPage();
    await tv.goto(new URL(screen.url).pathname);
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor({ timeout: 10_000 });
    await tv.getByTestId('tv-panel-customer_praise').waitFor();
    expect(await tv.getByTestId('tv-praise-item').count()).toBe(0);

    // Kai, on his feed, live.
    const kai = await logIn(f.browser, f.app.url, KAI);
    await kai.locator('main[data-live="online"]').waitFor();

    // The customer scans the poster: a phone, no account.
    const { url } = await api<{ url: string }>(
      f.app.url,
      'GET',
      `praise/pages/${team.id}`,
      undefined,
      bakery.rosa.token,
    );
    const phoneContext = await f.browser.newContext({ ...PHONE, baseURL: f.app.url });
    const phone = await phoneContext.newPage();
    await phone.goto(new URL(url).pathname);
    const loadedAt = Date.now();
    await phone.getByLabel('Kai').check();
    await phone.getByLabel('Your words').fill(WORDS);
    await phone.getByLabel('5 stars out of 5').check();
    await phone.getByLabel('Your first name').fill('Jo');
    await until(() => Date.now() - loadedAt > MIN_FILL_MS + 200, MIN_FILL_MS + 2000, 'fill time');
    await phone.getByRole('button', { name: 'Send my praise' }).click();
    await phone.getByTestId('praise-thanks').waitFor();
    // Nothing is public before a manager approves it.
    expect(await tv.getByTestId('tv-praise-item').count()).toBe(0);

    // Rosa approves it from her queue, choosing the value it shows.
    const rosa = await logIn(f.browser, f.app.url, ROSA);
    await rosa.goto('/manage/approvals');
    const item = rosa.getByTestId('praise-review-item').filter({ hasText: WORDS });
    await item.getByTestId('praise-value').selectOption(bakery.valueId);
    await item.getByTestId('praise-approve').click();
    await item.waitFor({ state: 'detached', timeout: 5000 });

    // Kai is told at once, with the company's points.
    const toast = kai.getByTestId('live-toast').filter({ hasText: 'Jo praised you' });
    await toast.waitFor({ timeout: 3000 });
    expect(await toast.textContent()).toContain('+25 points');

    // The TV interrupts for it, then keeps it on the panel: first names, no points.
    const flash = tv.getByTestId('tv-celebration');
    await flash.waitFor({ timeout: 3000 });
    expect(plain(await flash.textContent())).toContain('Jo praised Kai!');
    expect(await tv.getByTestId('tv-celebration-quote').textContent()).toContain(WORDS);
    const story = tv.getByTestId('tv-praise-item').filter({ hasText: WORDS });
    await story.waitFor();
    expect(plain(await story.textContent())).toContain('Jo about Kai');
    expect(await story.textContent()).toContain('Warm Welcome');
    expect(await tv.getByTestId('tv').innerText()).not.toMatch(/Kai Baker|\+25|points/);
    // Kai's first customer story also earns him a badge: its newsflash waits its turn, then
    // both end and the panel stays.
    await flash
      .filter({ hasText: /earned the badge .?Customer Hero/ })
      .waitFor({ timeout: 12_000 });
    await flash.waitFor({ state: 'detached', timeout: 10_000 });
    await story.waitFor();

    await Promise.all([
      tvContext.close(),
      phoneContext.close(),
      kai.context().close(),
      rosa.context().close(),
    ]);
  });
});
