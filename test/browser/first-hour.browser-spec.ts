import type { Locator, Page } from 'playwright-core';
import { SmtpSink } from '../support/smtp-sink';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { openGiveForm } from './corner-bakery';

/**
 * A new owner's first hour, as issue 10 sets it: sign up with the starter values, invite
 * one colleague by e-mail (a real SMTP server) and one by a link handed over, pair the
 * shop's TV by the code it shows (nothing typed on the TV), and see a colleague's kudos
 * arrive on that TV — with at most 8 clicks on the owner's side.
 */
describe('the first hour of a new owner', () => {
  let sink: SmtpSink;
  let f: BrowserFixture;
  beforeAll(async () => {
    sink = await SmtpSink.create();
    f = await startBrowserFixture({ SMTP_URL: sink.url, MAIL_POLL_MS: '100' });
  });
  afterAll(async () => {
    await f?.close();
    await sink?.stop();
  });

  const newPage = async (viewport = { width: 1280, height: 800 }): Promise<Page> => {
    const context = await f.browser.newContext({ baseURL: f.app.url, viewport });
    return context.newPage();
  };

  /** A colleague opens their invitation link and chooses a password. */
  const accept = async (link: string, password: string): Promise<Page> => {
    const page = await newPage();
    await page.goto(new URL(link).pathname);
    await page.getByTestId('accept-form').getByLabel('Choose a password').fill(password);
    await page.getByTestId('accept-submit').click();
    await page.getByTestId('welcome').waitFor();
    return page;
  };

  it('goes from signing up to a colleague’s kudos on the shop’s TV in a few clicks', async () => {
    let clicks = 0;
    const click = async (target: Locator) => {
      clicks++;
      await target.click();
    };

    const owner = await newPage();
    await owner.goto('/signup');
    const signup = owner.getByTestId('signup-form');
    await signup.getByLabel('Organisation name').fill('Harbour Café');
    await signup.getByLabel('Your name').fill('Rosa Owner');
    await signup.getByLabel('Email').fill('rosa@harbour.example');
    await signup.getByLabel('Password').fill('rosa-password-1');
    await click(owner.getByTestId('signup-submit'));
    await owner.getByTestId('welcome').waitFor();
    // The starter values were ticked: kudos can be given at once.
    const checklist = owner.getByTestId('owner-checklist');
    expect(await checklist.getByTestId('checklist-values').getAttribute('data-done')).toBe('true');

    // Invite two colleagues: Kai reads his e-mail, Lena gets the link from the owner.
    await click(checklist.getByTestId('checklist-colleagues').getByRole('link'));
    await owner.waitForURL(/\/admin\/members/);
    const invite = owner.getByTestId('invite-form');
    await invite.getByLabel('Full name').fill('Kai Barista');
    await invite.getByLabel('Email').fill('kai@harbour.example');
    await click(owner.getByTestId('invite-submit'));
    await owner.getByTestId('invite-link').waitFor();
    const shownToKai = await owner.getByTestId('invite-link').inputValue();
    const [mail] = await sink.mailsTo('kai@harbour.example');
    const mailed = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(mailed).toBeDefined();
    const kai = await accept(mailed!, 'kai-password-1');

    await invite.getByLabel('Full name').fill('Lena Server');
    await invite.getByLabel('Email').fill('lena@harbour.example');
    await click(owner.getByTestId('invite-submit'));
    await owner.getByTestId('invite-link').waitFor();
    await owner.waitForFunction(
      (before) =>
        (document.querySelector('[data-testid="invite-link"]') as HTMLInputElement | null)
          ?.value !== before,
      shownToKai,
    );
    const handed = await owner.getByTestId('invite-link').inputValue();
    expect(handed).not.toBe(mailed);
    await accept(handed, 'lena-password-1');

    // The TV only opens the address; the owner types its code.
    const tv = await newPage({ width: 1920, height: 1080 });
    await tv.goto('/tv');
    const shown = tv.getByTestId('tv-pairing-code');
    await shown.waitFor();
    const code = (await shown.textContent())!.replace(/\s/g, '');
    await click(owner.getByTestId('nav-screens'));
    await owner.waitForURL(/\/admin\/displays/);
    const pair = owner.getByTestId('pair-form');
    await pair.getByTestId('pair-code').fill(code);
    await pair.getByLabel('Screen name').fill('Counter TV');
    await click(pair.getByTestId('pair-submit'));
    await tv.getByTestId('tv-org').waitFor({ timeout: 5000 });
    expect(await tv.getByTestId('tv-org').textContent()).toContain('Harbour Café');
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor();

    // Later, Kai thanks Lena from his feed (opened again: she joined after he did); the TV shows it.
    await kai.reload();
    const give = await openGiveForm(kai);
    await give.getByTestId('recipient-search').fill('Lena');
    await give.getByTestId('recipient-option').filter({ hasText: 'Lena Server' }).click();
    await give.getByRole('radio').first().check();
    const message = 'Thank you for keeping the queue smiling during the rush!';
    await give.getByTestId('give-message').fill(message);
    await give.getByTestId('give-submit').click();
    await kai.getByTestId('toast').filter({ hasText: 'Kudos sent' }).waitFor();
    await tv.getByText(message).first().waitFor({ timeout: 5000 });

    expect(clicks).toBeLessThanOrEqual(8);
  });
});
