import type { Page } from 'playwright-core';
import type { ReviewPraiseDto } from '@bravo/shared';
import { addMember } from '../support/bravo-api';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, logIn, ROSA, setUpCornerBakery, type CornerBakery } from './corner-bakery';
import { until } from '../support/wait';

const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } };
/** The API's minimum fill time (praise-rules.ts): a form sent back sooner is a bot's. */
const MIN_FILL_MS = 3000;
const SCRIPTED = '<script>alert(1)</script> http://x.y Kai made my morning';

/**
 * The customer's praise page behind a poster's QR code, as a phone opens it with
 * JavaScript off: a story for a staff member reaches the manager's queue as inert text,
 * a bot's is thanked like anyone's, the 4th story from one address is refused readably
 * with the words kept, and the page speaks Arabic right to left when the phone does.
 */
describe('the public praise page', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  let code: string;
  let url: string;
  let teamId: string;
  beforeAll(async () => {
    // A small per-address limit; each customer below comes from an address of their own.
    f = await startBrowserFixture({ PRAISE_MAX_PER_ADDRESS: '3', TRUST_PROXY: '1' });
    bakery = await setUpCornerBakery(f.app.url);
    const team = await api<{ id: string }>(
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
    ({ code, url } = await api<{ code: string; url: string }>(
      f.app.url,
      'GET',
      `praise/pages/${team.id}`,
      undefined,
      bakery.rosa.token,
    ));
    teamId = team.id;
  });
  afterAll(() => f?.close());

  /** A customer's phone, JavaScript off, behind the shop's Wi-Fi at `address`. */
  const customer = async (address: string, acceptLanguage = 'en-GB,en;q=0.9'): Promise<Page> => {
    const context = await f.browser.newContext({
      ...PHONE,
      baseURL: f.app.url,
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'x-forwarded-for': address, 'accept-language': acceptLanguage },
    });
    return context.newPage();
  };

  const pending = () =>
    api<ReviewPraiseDto[]>(f.app.url, 'GET', 'praise/pending', undefined, bakery.rosa.token);

  it('takes a story for a staff member as text, says what happens next, and sends no script', async () => {
    // The poster's link: this page, on an address the shop's phones reach.
    expect(new URL(url).pathname).toBe(`/p/${code}`);
    const phone = await customer('203.0.113.10');
    const shown = await phone.goto(`/p/${code}`);
    expect(shown?.status()).toBe(200);
    // Loaded: the API has stamped the form's start time.
    const loadedAt = Date.now();
    const html = await phone.content();
    expect(html).not.toMatch(/<script[^>]+src=|modulepreload/);
    await expect(phone.locator('h1').textContent()).resolves.toContain('Front counter');

    await phone.getByLabel('Kai').check();
    await phone.getByLabel('Your words').fill(SCRIPTED);
    await phone.getByLabel('5 stars out of 5').check();
    await phone.getByLabel('Your first name').fill('Jo');
    // A person takes a few seconds to write; the API drops anything faster as a bot's.
    await until(() => Date.now() - loadedAt > MIN_FILL_MS + 200, MIN_FILL_MS + 2000, 'fill time');
    await phone.getByRole('button', { name: 'Send my praise' }).click();

    const thanks = phone.getByTestId('praise-thanks');
    await thanks.waitFor();
    await expect(thanks.textContent()).resolves.toContain(
      'a manager reads it first; once it is approved, the team sees it',
    );
    expect(new URL(phone.url()).searchParams.get('sent')).toBe('1');

    // Pending for the manager, the words exactly as written: stored inert, shown as text.
    const stories = await pending();
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({
      text: SCRIPTED,
      rating: 5,
      customerName: 'Jo',
      channel: 'qr_code',
      status: 'pending',
      members: [expect.objectContaining({ id: bakery.kai.member.id })],
    });
    await phone.context().close();
  });

  it('thanks a bot like anyone, and refuses the 4th story from one address readably, words kept', async () => {
    const phone = await customer('203.0.113.20');
    const before = (await pending()).length;
    // Sent at once (too fast for a person): dropped silently, thanked all the same.
    for (let i = 1; i <= 3; i++) {
      await phone.goto(`/p/${code}`);
      await phone.getByLabel('Your words').fill(`Quick story ${i}`);
      await phone.getByRole('button', { name: 'Send my praise' }).click();
      await phone.getByTestId('praise-thanks').waitFor();
    }
    expect((await pending()).length).toBe(before);

    await phone.goto(`/p/${code}`);
    await phone.getByLabel('Your words').fill(SCRIPTED);
    await phone.getByLabel('Your first name').fill('Sam');
    await phone.getByRole('button', { name: 'Send my praise' }).click();
    const refused = phone.getByTestId('praise-error');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toMatch(
      /we have had a lot of praise from here\. Please try again in \d+ minutes?\./,
    );
    // The customer's input is still there, as text: no markup made it into the page.
    await expect(phone.getByLabel('Your words').inputValue()).resolves.toBe(SCRIPTED);
    await expect(phone.getByLabel('Your first name').inputValue()).resolves.toBe('Sam');
    await expect(phone.locator('script:not([type="application/json"])').count()).resolves.toBe(1);

    // Another address is not held back by this one.
    const other = await customer('203.0.113.21');
    await other.goto(`/p/${code}`);
    await other.getByLabel('Your words').fill('Lovely bread');
    await other.getByRole('button', { name: 'Send my praise' }).click();
    await other.getByTestId('praise-thanks').waitFor();
    await phone.context().close();
    await other.context().close();
  });

  it('asks for consent before taking contact details, keeping what was typed', async () => {
    const phone = await customer('203.0.113.30');
    await phone.goto(`/p/${code}`);
    await phone.getByLabel('Your words').fill('Thank you for the cake');
    await phone.getByLabel('E-mail or phone').fill('jo@example.com');
    await phone.getByRole('button', { name: 'Send my praise' }).click();
    await phone.getByTestId('praise-consent-error').waitFor();
    await expect(phone.getByLabel('E-mail or phone').inputValue()).resolves.toBe('jo@example.com');
    await expect(phone.getByLabel('Your words').inputValue()).resolves.toBe(
      'Thank you for the cake',
    );
    await phone.context().close();
  });

  it("speaks the phone's Arabic right to left, switchable by a plain link", async () => {
    const phone = await customer('203.0.113.40', 'ar-EG,ar;q=0.9,en;q=0.5');
    await phone.goto(`/p/${code}`);
    const root = phone.locator('html');
    await expect(root.getAttribute('dir')).resolves.toBe('rtl');
    await expect(root.getAttribute('lang')).resolves.toBe('ar');
    await expect(phone.getByRole('button', { name: 'أرسل ثنائي' }).count()).resolves.toBe(1);

    await phone.getByTestId('praise-lang-en').click();
    await phone.waitForURL(/lang=en/);
    await expect(root.getAttribute('dir')).resolves.toBe('ltr');
    await expect(phone.getByRole('button', { name: 'Send my praise' }).count()).resolves.toBe(1);
    await phone.context().close();
  });

  it('answers an unknown code with a 404 page', async () => {
    const phone = await customer('203.0.113.50');
    const missing = await phone.goto('/p/nosuchpage');
    expect(missing?.status()).toBe(404);
    await phone.context().close();
  });

  it("prints the team's A4 poster: the page's link as a QR code and as text, for its managers only", async () => {
    const rosa = await logIn(f.browser, f.app.url, ROSA);
    await rosa.goto('/admin/teams');
    await rosa.getByRole('link', { name: 'Praise poster for Front counter' }).click();
    const poster = rosa.getByTestId('praise-poster');
    await poster.waitFor();
    await expect(rosa.getByTestId('poster-url').textContent()).resolves.toBe(url);
    await expect(
      rosa.getByTestId('poster-qr').locator('svg path').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(poster.textContent()).resolves.toContain('Corner Bakery');
    // On paper only the poster shows, in the language picked for it.
    await rosa.emulateMedia({ media: 'print' });
    await expect(
      rosa.getByRole('heading', { name: 'Poster for Front counter' }).isVisible(),
    ).resolves.toBe(false);
    await expect(poster.isVisible()).resolves.toBe(true);
    await rosa.emulateMedia({ media: 'screen' });
    await rosa
      .getByRole('navigation', { name: 'Poster language' })
      .getByRole('link', { name: 'العربية' })
      .click();
    await rosa.waitForURL(/lang=ar/);
    await expect(poster.getAttribute('dir')).resolves.toBe('rtl');
    await expect(poster.textContent()).resolves.toContain('هل أسعدناك اليوم؟');

    // A manager of another team sees only theirs, and cannot print this one.
    const back = await api<{ id: string }>(
      f.app.url,
      'POST',
      'teams',
      { name: 'Back bakery' },
      bakery.rosa.token,
    );
    const mia = { email: 'mia@corner.example', password: 'mia-password-1' };
    const made = await addMember(
      f.app.url,
      bakery.rosa.token,
      { email: mia.email, name: 'Mia Manager', role: 'manager', teamId: back.id },
      mia.password,
    );
    await api(
      f.app.url,
      'PATCH',
      `members/${made.member.id}`,
      { managedTeamIds: [back.id] },
      bakery.rosa.token,
    );
    const manager = await logIn(f.browser, f.app.url, mia);
    await manager.goto('/manage/posters');
    await expect(
      manager.getByTestId('poster-teams').locator('li').allTextContents(),
    ).resolves.toEqual([expect.stringContaining('Back bakery')]);
    // Posters are not "Manage missions": the header marks no section for them.
    expect(
      await manager.getByTestId('nav-manage-missions').getAttribute('aria-current'),
    ).toBeNull();
    const refused = await manager.goto(`/manage/posters/${teamId}`);
    expect(refused?.status()).toBe(403);
    await rosa.context().close();
    await manager.context().close();
  });
});
