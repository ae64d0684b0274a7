import type { Page } from 'playwright-core';
import { addMember, signUp } from '../support/bravo-api';
import { SmtpSink } from '../support/smtp-sink';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';

/** A member changes their password, then forgets it: a reset by the admin's link, then by e-mail. */
describe('account self-service in the browser', () => {
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

  const newPage = async (): Promise<Page> => {
    const context = await f.browser.newContext({ baseURL: f.app.url });
    return context.newPage();
  };

  const logIn = async (email: string, password: string): Promise<Page> => {
    const page = await newPage();
    await page.goto('/login');
    const form = page.getByTestId('login-form');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    return page;
  };

  const isLoggedOut = async (page: Page): Promise<boolean> => {
    await page.goto('/');
    return new URL(page.url()).pathname === '/login';
  };

  it('changes the password, then resets it from an admin link and from an e-mail', async () => {
    const admin = await signUp(f.app.url, { email: 'rosa@corner.example' });
    const kai = await addMember(
      f.app.url,
      admin.token,
      { email: 'kai@corner.example', name: 'Kai Baker', role: 'employee' },
      'kai-password-1',
    );

    // Change the password: the wrong current one is refused; the right one logs out the other tab.
    const here = await logIn('kai@corner.example', 'kai-password-1');
    const elsewhere = await logIn('kai@corner.example', 'kai-password-1');
    await here.getByTestId('nav-account').click();
    await here.waitForURL(/\/account$/);
    await here.getByTestId('current-password').fill('not-my-password');
    await here.getByTestId('new-password').fill('kai-password-2');
    await here.getByTestId('password-submit').click();
    await here.getByText('This is not your current password.').waitFor();
    await here.getByTestId('current-password').fill('kai-password-1');
    await here.getByTestId('new-password').fill('kai-password-2');
    await here.getByTestId('password-submit').click();
    await here.getByTestId('toast').filter({ hasText: 'Password changed' }).waitFor();
    expect(await isLoggedOut(elsewhere)).toBe(true);
    expect(await isLoggedOut(here)).toBe(false);

    // Forgotten: the admin makes a single-use link and hands it over.
    const rosa = await logIn('rosa@corner.example', 'correct-horse-battery');
    await rosa.goto(`/admin/members/${kai.member.id}`);
    await rosa.getByTestId('reset-link-submit').click();
    const link = await rosa.getByTestId('reset-link').inputValue();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    const fresh = await newPage();
    await fresh.goto(new URL(link).pathname);
    await fresh.getByText('Hello Kai Baker').waitFor();
    await fresh.getByTestId('reset-form').getByLabel('New password').fill('kai-password-3');
    await fresh.getByTestId('reset-submit').click();
    await fresh.getByTestId('welcome').waitFor();
    expect(await isLoggedOut(here)).toBe(true);
    await fresh.goto(new URL(link).pathname);
    await fresh.getByTestId('reset-used').waitFor();

    // Forgotten again: the reset link comes by e-mail.
    const lost = await newPage();
    await lost.goto('/login');
    await lost.getByTestId('forgot-link').click();
    await lost.getByTestId('forgot-form').getByLabel('Email').fill('kai@corner.example');
    await lost.getByTestId('forgot-submit').click();
    await lost.getByTestId('forgot-answer').waitFor();
    const mails = await sink.mailsTo('kai@corner.example', 2); // the invitation, then the reset
    const mailed = /http\S+\/reset-password\/\S+/.exec(mails[1].text)?.[0] ?? '';
    await lost.goto(new URL(mailed).pathname);
    await lost.getByTestId('reset-form').getByLabel('New password').fill('kai-password-4');
    await lost.getByTestId('reset-submit').click();
    await lost.getByTestId('welcome').waitFor();
    await logIn('kai@corner.example', 'kai-password-4');
  });
});
