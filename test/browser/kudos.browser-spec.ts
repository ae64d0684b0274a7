import type { Locator, Page } from 'playwright-core';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import {
  api,
  KAI,
  logIn,
  openGiveForm,
  setUpCornerBakery,
  type CornerBakery,
} from './corner-bakery';

/** An employee gives kudos from the feed: allowance, the new card, and a rejection at the field. */
describe('kudos in the browser', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
  });
  afterAll(() => f?.close());

  const MESSAGE = 'Thank you for the warmest welcome our new customers ever had!';

  it('gives a kudos to a colleague, then shows why a second one is refused', async () => {
    const kai = await logIn(f.browser, f.app.url, KAI);

    const before = await remaining(kai);
    expect(before).toEqual({ left: 100, total: 100 });

    const give = await openGiveForm(kai);
    // Colleague search, by keyboard: type, the first match is highlighted, Enter picks it.
    await give.getByTestId('recipient-search').fill('ros');
    await give.getByTestId('recipient-option').filter({ hasText: 'Rosa Owner' }).waitFor();
    await give.getByTestId('recipient-search').press('Enter');
    expect(await give.getByTestId('recipient-chip').allTextContents()).toEqual([
      expect.stringContaining('Rosa Owner'),
    ]);
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    await give.getByTestId('give-message').fill(MESSAGE);
    await give.getByTestId('give-points').fill('15');
    expect(await give.getByTestId('give-cost').textContent()).toContain('Total: 15 points');
    await give.getByTestId('give-submit').click();

    await kai.getByTestId('toast').filter({ hasText: 'Kudos sent' }).waitFor();
    const after = await remaining(kai);
    expect(after).toEqual({ left: before.left - 15, total: 100 });

    const top = kai.getByTestId('kudos-card').first();
    expect(await top.getByTestId('kudos-giver').textContent()).toContain('Kai Baker');
    expect(await top.getByTestId('kudos-recipients').textContent()).toContain('Rosa Owner');
    expect(await top.getByTestId('kudos-message').textContent()).toBe(MESSAGE);
    expect(await top.getByTestId('kudos-points').textContent()).toContain('+15');
    expect(await top.getByTestId('value-chip').textContent()).toContain('#WarmWelcome');
    // The giver may still take it back; the form is ready for the next one.
    expect(await top.getByTestId('withdraw').count()).toBe(1);
    expect(await give.getByTestId('recipient-chip').count()).toBe(0);
    expect(await give.getByTestId('give-message').inputValue()).toBe('');

    // 15 + 30 to Rosa is over 40% of a 100-point allowance: the API refuses, at the points field.
    await give.getByTestId('recipient-search').fill('Rosa');
    await give.getByTestId('recipient-option').first().click();
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    await give.getByTestId('give-message').fill('Another great shift together, thank you!');
    await give.getByTestId('give-points').fill('30');
    await give.getByTestId('give-submit').click();

    await give.getByTestId('form-error').waitFor();
    expect(await give.getByTestId('form-error').textContent()).toMatch(
      /more than one colleague may receive from you this month/,
    );
    const points = give.getByTestId('give-points');
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(kai, points)).toBe(
      'At most 25 more points for Rosa Owner this month.',
    );
    // Nothing was spent, nothing new in the feed, and what was typed is still there.
    expect(await remaining(kai)).toEqual(after);
    expect(await kai.getByTestId('kudos-card').count()).toBe(1);
    expect(await give.getByTestId('give-message').inputValue()).toBe(
      'Another great shift together, thank you!',
    );
  });

  it('keeps the give box closed until asked for, and opens it at its first field', async () => {
    const kai = await logIn(f.browser, f.app.url, KAI);
    const box = kai.getByTestId('give-box');
    // Closed: the allowance and the composer link, no form (the feed is on a phone's first screen).
    await box.getByTestId('allowance').waitFor();
    await box.getByTestId('give-form').waitFor({ state: 'hidden' });

    await box.getByTestId('give-open').click();
    const search = box.getByTestId('recipient-search');
    await search.waitFor();
    await box.getByTestId('give-open').waitFor({ state: 'detached' });
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);

    // The onboarding checklist's link opens it on arrival (a new page load), with the picker live.
    await kai.goto('/leaderboard');
    await kai.goto('/#give-kudos');
    const form = kai.getByTestId('give-form');
    await form.getByTestId('recipient-checklist').waitFor({ state: 'detached' });
    expect(await form.getByTestId('recipient-search').isVisible()).toBe(true);
    expect(await box.getByTestId('give-open').count()).toBe(0);
    await kai.context().close();
  });

  it('gives a kudos with JavaScript off', async () => {
    const kai = await logIn(f.browser, f.app.url, KAI, { javaScript: false });
    const before = await remaining(kai);

    const give = kai.getByTestId('give-form');
    // Without JavaScript the colleague picker is a list of checkboxes.
    await give.getByRole('checkbox', { name: 'Rosa Owner' }).check();
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    await give.getByTestId('give-message').fill('Thanks for opening the shop on a snowy morning.');
    await give.getByTestId('give-points').fill('5');
    await give.getByTestId('give-submit').click();

    await kai.getByTestId('toast').filter({ hasText: 'Kudos sent' }).waitFor();
    expect(await remaining(kai)).toEqual({ left: before.left - 5, total: 100 });
    const top = kai.getByTestId('kudos-card').first();
    expect(await top.getByTestId('kudos-message').textContent()).toBe(
      'Thanks for opening the shop on a snowy morning.',
    );
    expect(await top.getByTestId('kudos-points').textContent()).toContain('+5');
  });
  it('shows an Arabic reader the server’s refusals in Arabic, with their numbers', async () => {
    const LINA = { email: 'lina@corner.example', password: 'lina-password-1' };
    const invitation = await api<{ token: string }>(
      f.app.url,
      'POST',
      'invitations',
      { email: LINA.email, name: 'Lina Haddad', role: 'employee' },
      bakery.rosa.token,
    );
    const session = await api<{ token: string }>(
      f.app.url,
      'POST',
      `invitations/${invitation.token}/accept`,
      { password: LINA.password },
    );
    await api(f.app.url, 'PATCH', 'me', { locale: 'ar' }, session.token);
    const lina = await logIn(f.browser, f.app.url, LINA);
    expect(await lina.locator('html').getAttribute('lang')).toBe('ar');

    const give = await openGiveForm(lina);
    const pick = async (name: string) => {
      await give.getByTestId('recipient-search').fill(name.slice(0, 4));
      await give.getByTestId('recipient-option').filter({ hasText: name }).click();
    };
    await pick('Rosa Owner');
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    // Long enough for the browser, but only "thx" once the server has trimmed it.
    await give.getByTestId('give-message').fill('thx          ');
    await give.getByTestId('give-points').fill('30');
    await give.getByTestId('give-submit').click();
    const message = give.getByTestId('give-message');
    await give.locator('textarea[aria-invalid="true"]').waitFor();
    expect(await describedError(lina, message)).toBe('استخدم 10 من الأحرف على الأقل.');

    await message.fill('شكرًا على الاستقبال الدافئ اليوم!');
    await give.getByTestId('give-submit').click();
    await lina.getByTestId('toast').filter({ hasText: 'تم إرسال التقدير' }).waitFor();

    // 2 × 40 points with 70 left: the API refuses at the points field.
    await pick('Rosa Owner');
    await pick('Kai Baker');
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    await message.fill('شكرًا لكما على العمل الرائع هذا الأسبوع!');
    await give.getByTestId('give-points').fill('40');
    await give.getByTestId('give-submit').click();
    await give.getByTestId('form-error').waitFor();
    expect(await give.getByTestId('form-error').textContent()).toContain(
      'يحتاج هذا إلى 80 نقطة، ولم يتبقَّ لك هذا الشهر سوى 70.',
    );
    expect(await describedError(lina, give.getByTestId('give-points'))).toBe(
      'تبقّى لك 70 نقطة فقط هذا الشهر.',
    );
  });
});

/** "85 of 100 points left this month", as numbers. */
async function remaining(page: Page): Promise<{ left: number; total: number }> {
  const text = (await page.getByTestId('allowance-remaining').textContent()) ?? '';
  const match = /(\d+) of (\d+) points left this month/.exec(text);
  if (!match) {
    throw new Error(`no allowance in "${text}"`);
  }
  return { left: Number(match[1]), total: Number(match[2]) };
}

/** The error message a field points to with aria-describedby. */
async function describedError(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const errorId = ids.find((id) => id.endsWith('-error'));
  if (!errorId) {
    throw new Error(`no error is attached to the field (aria-describedby="${ids.join(' ')}")`);
  }
  return ((await page.locator(`[id="${errorId}"]`).textContent()) ?? '').trim();
}
