import type { Page } from 'playwright-core';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';

/** A new user signs up, invites a colleague, the colleague accepts and logs in, the admin renames a value. */
describe('onboarding in the browser', () => {
  let f: BrowserFixture;
  beforeAll(async () => (f = await startBrowserFixture()));
  afterAll(() => f?.close());

  const newPage = async (): Promise<Page> => {
    const context = await f.browser.newContext({ baseURL: f.app.url });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    return page;
  };

  it('runs signup → invite → accept → login → rename a brand value', async () => {
    const admin = await newPage();
    await admin.goto('/signup');
    const signup = admin.getByTestId('signup-form');
    await signup.getByLabel('Organisation name').fill('Corner Bakery');
    await signup.getByLabel('Your name').fill('Rosa Owner');
    await signup.getByLabel('Email').fill('rosa@corner.example');
    await signup.getByLabel('Password').fill('rosa-password-1');
    // This owner writes their own values (the starters have a spec of their own).
    for (const box of await admin.getByTestId('starter-use').all()) {
      await box.uncheck();
    }
    await admin.getByTestId('signup-submit').click();
    await admin.getByTestId('welcome').waitFor();
    expect(await admin.getByTestId('welcome').textContent()).toContain('Rosa');
    expect(await admin.locator('body').textContent()).toContain('Corner Bakery');

    await admin.goto('/admin/members');
    const invite = admin.getByTestId('invite-form');
    await invite.getByLabel('Full name').fill('Kai Baker');
    await invite.getByLabel('Email').fill('kai@corner.example');
    await admin.getByTestId('invite-submit').click();
    const link = await admin.getByTestId('invite-link').inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

    // The colleague, in a browser of their own.
    const kai = await newPage();
    await kai.goto(new URL(link).pathname);
    await kai.getByTestId('accept-form').getByLabel('Choose a password').fill('kai-password-1');
    await kai.getByTestId('accept-submit').click();
    await kai.getByTestId('welcome').waitFor();
    await kai.getByTestId('logout').click();
    await kai.waitForURL(/\/login/);
    const login = kai.getByTestId('login-form');
    await login.getByLabel('Email').fill('kai@corner.example');
    await login.getByLabel('Password').fill('kai-password-1');
    await kai.getByTestId('login-submit').click();
    await kai.getByTestId('welcome').waitFor();
    expect(await kai.getByTestId('member-name').textContent()).toContain('Kai Baker');
    // an employee sees no admin area
    expect(await kai.getByTestId('nav-admin').count()).toBe(0);

    // The admin creates and then renames a brand value.
    await admin.goto('/admin/values');
    const create = admin.getByTestId('value-create-form');
    await create.getByLabel('Name').fill('Warm Welcome');
    await create.getByLabel('Hashtag').fill('WarmWelcome');
    await admin.getByTestId('value-create-form-submit').click();
    const row = admin.getByTestId('value-row').filter({ hasText: 'Warm Welcome' });
    await row.waitFor();
    await row.getByTestId('value-edit-toggle').click();
    await row.getByTestId('value-edit-form').getByLabel('Name').fill('Warmest Welcome');
    await row.getByTestId('value-edit-form-submit').click();
    await admin.getByTestId('value-name').filter({ hasText: 'Warmest Welcome' }).waitFor();

    // The rename is real: the API agrees.
    const values = await admin.request.get('/api/v1/values');
    expect((await values.json()).map((v: { name: string }) => v.name)).toEqual(['Warmest Welcome']);
  });

  it('shows a wrong password as a readable error', async () => {
    const page = await newPage();
    await page.goto('/login');
    const login = page.getByTestId('login-form');
    await login.getByLabel('Email').fill('nobody@corner.example');
    await login.getByLabel('Password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByTestId('form-error').textContent()).toMatch(/do not match/i);
  });

  it('renders Arabic right-to-left', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
  });
});
