import type { Page } from 'playwright-core';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';

/** A new owner's first steps: starter values, the checklist, inviting many at once. */
describe('an owner’s first steps in the browser', () => {
  let f: BrowserFixture;
  let owner: Page;
  beforeAll(async () => {
    f = await startBrowserFixture();
    const context = await f.browser.newContext({ baseURL: f.app.url });
    owner = await context.newPage();
  });
  afterAll(() => f?.close());

  it('signs up with starter values, edited and ticked before creating', async () => {
    await owner.goto('/signup');
    const signup = owner.getByTestId('signup-form');
    await signup.getByLabel('Organisation name').fill('Corner Shop');
    await signup.getByLabel('Your name').fill('Rosa Owner');
    await signup.getByLabel('Email').fill('rosa@shop.example');
    await signup.getByLabel('Password').fill('rosa-password-1');
    const starters = owner.getByTestId('starter-values');
    expect(
      await starters
        .getByTestId('starter-name')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['Warm welcome', 'Know our products', 'Own it', 'Team player']);
    await starters.getByTestId('starter-name').nth(0).fill('Warmest welcome');
    await starters.getByTestId('starter-use').nth(3).uncheck();
    await owner.getByTestId('signup-submit').click();
    await owner.getByTestId('welcome').waitFor();

    const values = await (await owner.request.get('/api/v1/values')).json();
    expect(values.map((v: { name: string }) => v.name).sort()).toEqual([
      'Know our products',
      'Own it',
      'Warmest welcome',
    ]);
  });

  it('shows a checklist whose steps link to where they are done, until hidden', async () => {
    await owner.goto('/');
    const checklist = owner.getByTestId('owner-checklist');
    await checklist.waitFor();
    expect(await checklist.getByTestId('checklist-values').getAttribute('data-done')).toBe('true');
    expect(await checklist.getByTestId('checklist-team').getAttribute('data-done')).toBe('false');

    await checklist.getByTestId('checklist-team').getByRole('link').click();
    await owner.waitForURL(/\/admin\/teams$/);
    await owner.getByTestId('team-create-form').getByLabel('Team name').fill('Bakery');
    await owner.getByTestId('team-create-submit').click();
    await owner.getByTestId('team-row').filter({ hasText: 'Bakery' }).waitFor();

    await owner.goto('/');
    expect(await checklist.getByTestId('checklist-team').getAttribute('data-done')).toBe('true');
    await checklist.getByTestId('checklist-dismiss').click();
    await owner.getByTestId('welcome').waitFor();
    await owner.reload();
    await owner.getByTestId('welcome').waitFor();
    expect(await owner.getByTestId('owner-checklist').count()).toBe(0);
  });

  it('previews pasted invitations with each line’s problems, then sends them', async () => {
    await owner.goto('/admin/members');
    await owner.getByTestId('bulk-invite-link').click();
    await owner.waitForURL(/\/admin\/members\/bulk$/);
    await owner
      .getByTestId('bulk-text')
      .fill('Kai Baker, kai@shop.example, Bakery\nLena, lena@shop\nSam, sam@shop.example, Till');
    await owner.getByTestId('bulk-preview').click();
    await owner.getByTestId('bulk-fix-first').waitFor();
    const problems = await owner.getByTestId('bulk-line-problems').allTextContents();
    expect(problems.map((p) => p.trim())).toEqual([
      'Ready',
      expect.stringMatching(/email/i),
      expect.stringMatching(/team/i),
    ]);
    expect(await owner.getByTestId('bulk-send').count()).toBe(0);

    await owner
      .getByTestId('bulk-text')
      .fill('Kai Baker, kai@shop.example, Bakery\nLena, lena@shop.example');
    await owner.getByTestId('bulk-preview').click();
    await owner.getByTestId('bulk-send').waitFor();
    await owner.getByTestId('bulk-send').click();
    await owner.getByTestId('bulk-created').waitFor();
    expect(await owner.getByTestId('bulk-created-row').count()).toBe(2);
    const link = await owner.getByTestId('bulk-link').first().inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const pending = await (await owner.request.get('/api/v1/invitations')).json();
    expect(pending.map((i: { email: string }) => i.email).sort()).toEqual([
      'kai@shop.example',
      'lena@shop.example',
    ]);
  });

  it('keeps the app header on a page that does not exist', async () => {
    const response = await owner.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await owner.getByTestId('error-page').waitFor();
    expect(await owner.getByTestId('org-name').textContent()).toContain('Corner Shop');
  });

  it('lays English user text out left-to-right in the Arabic interface', async () => {
    await owner.goto('/admin/values');
    await owner.getByTestId('language-switcher').locator('button[value="ar"]').click();
    await owner.waitForFunction(() => document.documentElement.dir === 'rtl');
    const description = owner
      .getByTestId('value-row')
      .filter({ hasText: 'Own it' })
      .locator('.description');
    expect(await description.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    const name = owner.getByTestId('value-name').filter({ hasText: 'Own it' });
    expect(await name.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  });
});
