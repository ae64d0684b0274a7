import type { Page } from 'playwright-core';
import type { SessionDto } from '@bravo/shared';
import { addMember } from '../support/bravo-api';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import {
  api,
  KAI,
  logIn,
  openGiveForm,
  setUpCornerBakery,
  type CornerBakery,
} from './corner-bakery';

/** The feed's cards: boosting from a card, names in an Arabic page, focus after sending, touch help. */
const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } };

describe('feed cards in the browser', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  let lena: SessionDto;
  const LENA = { email: 'lena@corner.example', password: 'lena-password-1' };

  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
    lena = await addMember(
      f.app.url,
      bakery.rosa.token,
      { email: LENA.email, name: 'Lena Fischer', role: 'employee' },
      LENA.password,
    );
  });
  afterAll(() => f?.close());

  /** Rosa thanks Kai over the API; returns the kudos id. */
  async function rosaThanksKai(message: string): Promise<string> {
    const kudos = await api<{ id: string }>(
      f.app.url,
      'POST',
      'kudos',
      { recipientIds: [bakery.kai.member.id], valueId: bakery.valueId, message, points: 5 },
      bakery.rosa.token,
    );
    return kudos.id;
  }

  const boostsOf = async (page: Page, id: string) =>
    page.locator(`[data-kudos-id="${id}"]`).getByTestId('kudos-boost').allTextContents();

  it('boosts a colleague’s kudos from its card, the form drawn only for that card', async () => {
    const first = await rosaThanksKai('Thanks for covering the early shift on Saturday!');
    const second = await rosaThanksKai('The new window display looks wonderful, thank you.');
    const page = await logIn(f.browser, f.app.url, LENA);

    // No card carries a hidden boost form until its toggle is pressed.
    expect(await page.getByTestId('boost-form').count()).toBe(0);
    const card = page.locator(`[data-kudos-id="${first}"]`);
    const toggle = card.getByTestId('boost-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('boost-form').count()).toBe(1);
    await card.getByTestId('boost-points').fill('3');
    await card.getByTestId('boost-submit').click();

    await card.getByTestId('kudos-boost').waitFor();
    expect(await boostsOf(page, first)).toEqual([expect.stringContaining('+3')]);
    expect(await card.getByTestId('boost-form').count()).toBe(0);
    expect(await boostsOf(page, second)).toEqual([]);
  });

  it('boosts without JavaScript through the card’s link', async () => {
    const id = await rosaThanksKai('You made our busiest Saturday feel calm and friendly.');
    const page = await logIn(f.browser, f.app.url, LENA, { javaScript: false });
    const card = page.locator(`[data-kudos-id="${id}"]`);
    await card.getByTestId('boost-toggle').click();
    await card.getByTestId('boost-form').waitFor();
    expect(new URL(page.url()).searchParams.get('boost')).toBe(id);

    await card.getByTestId('boost-points').fill('2');
    await card.getByTestId('boost-submit').click();
    await page.getByTestId('toast').waitFor();
    expect(await boostsOf(page, id)).toEqual([expect.stringContaining('+2')]);
    // The answer shows the feed, not the form again.
    expect(await page.getByTestId('boost-form').count()).toBe(0);
  });

  it('keeps Latin names in order in an Arabic feed: giver at the start, by the avatar', async () => {
    await api(f.app.url, 'PATCH', 'me', { locale: 'ar' }, lena.token);
    try {
      await api(
        f.app.url,
        'POST',
        'kudos',
        {
          recipientIds: [bakery.kai.member.id],
          valueId: bakery.valueId,
          message: 'Thank you for the patient help with the new till!',
          points: 5,
        },
        lena.token,
      );
      const page = await logIn(f.browser, f.app.url, LENA);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const card = page.getByTestId('kudos-card').first();
      const box = async (selector: string) => {
        const rect = await card.locator(selector).first().boundingBox();
        if (!rect) {
          throw new Error(`${selector} is not drawn`);
        }
        return rect;
      };
      const avatar = await box('.head > :first-child');
      const giver = await box('[data-testid="kudos-giver"]');
      const recipient = await box('[data-testid="kudos-recipients"] a');
      expect(await card.getByTestId('kudos-giver').textContent()).toContain('Lena Fischer');
      // Right to left: avatar, then the giver, then (further left) the recipient.
      expect(giver.x + giver.width).toBeLessThanOrEqual(avatar.x + 1);
      expect(recipient.x + recipient.width).toBeLessThanOrEqual(giver.x + 1);
    } finally {
      await api(f.app.url, 'PATCH', 'me', { locale: 'en' }, lena.token);
    }
  });

  it('moves keyboard focus to the new kudos after sending it with the keyboard', async () => {
    const page = await logIn(f.browser, f.app.url, KAI);
    const give = await openGiveForm(page);
    await give.getByTestId('recipient-search').fill('Lena');
    await give.getByTestId('recipient-option').filter({ hasText: 'Lena Fischer' }).waitFor();
    await give.getByTestId('recipient-search').press('Enter');
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    await give.getByTestId('give-message').fill('Thanks for sharing your lunch break tips!');
    await give.getByTestId('give-points').fill('5');
    await give.getByTestId('give-submit').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('toast').filter({ hasText: 'Kudos sent' }).waitFor();
    const top = page.getByTestId('kudos-card').first();
    expect(await top.getByTestId('kudos-message').textContent()).toBe(
      'Thanks for sharing your lunch break tips!',
    );
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'kudos-card',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await top.getAttribute('id'),
    );
  });

  it('says the per-colleague limit, not the allowance, for far too many points', async () => {
    const page = await logIn(f.browser, f.app.url, KAI);
    const give = await openGiveForm(page);
    await give.getByTestId('recipient-search').fill('Lena');
    await give.getByTestId('recipient-option').filter({ hasText: 'Lena Fischer' }).click();
    await give.getByTestId('give-points').fill('999');
    const cost = give.getByTestId('give-cost');
    await cost.getByTestId('give-cost-cap').waitFor();
    expect(await cost.textContent()).toMatch(/At most \d+ points per colleague/);
    expect(await cost.textContent()).not.toContain('you have left');
    await page.context().close();
  });

  it('tells a phone user to tap, not to use arrow keys', async () => {
    const page = await logIn(f.browser, f.app.url, KAI, { device: PHONE });
    try {
      await page.getByTestId('give-open').tap();
      const help = page.locator('[id$="-help"]').filter({ hasText: 'colleagues' }).first();
      await help.filter({ hasText: 'tap' }).waitFor();
      expect(await help.textContent()).not.toContain('↑');
    } finally {
      await page.context().close();
    }
  });

  it('on a phone, opens the menu from its button and goes where it says', async () => {
    const page = await logIn(f.browser, f.app.url, KAI, { device: PHONE });
    try {
      const toggle = page.getByRole('button', { name: 'Open menu' });
      // Closed, the menu is not built in the browser (the server's copy is for no JavaScript).
      await page.getByTestId('nav-leaderboard').waitFor({ state: 'detached' });
      await toggle.tap();
      await page.getByTestId('nav-leaderboard').tap();
      await page.waitForURL('**/leaderboard');
      await page.getByTestId('nav-leaderboard').waitFor({ state: 'detached' });
      expect(
        await page.getByRole('button', { name: 'Open menu' }).getAttribute('aria-expanded'),
      ).toBe('false');
    } finally {
      await page.context().close();
    }
  });

  it('hydrates the feed with the server’s dates, numbers and messages, building no Intl formatter', async () => {
    await rosaThanksKai('Thank you for the fresh pastries on the early shift!');
    const page = await logIn(f.browser, f.app.url, KAI, {
      prepare: async (p) => {
        await p.addInitScript(() => {
          const built: string[] = [];
          Object.assign(window, { intlBuilt: built });
          for (const kind of [
            'DateTimeFormat',
            'NumberFormat',
            'PluralRules',
            'RelativeTimeFormat',
            'ListFormat',
          ] as const) {
            Object.assign(Intl, {
              [kind]: new Proxy(Intl[kind], {
                construct(target, args: unknown[]) {
                  built.push(kind);
                  return new (target as new (...a: unknown[]) => object)(...args);
                },
              }),
            });
          }
        });
      },
    });
    // Logging in navigated in the page; a fresh load is what hydrates.
    await page.reload();
    // Hydrated: the server's give form (for no JavaScript) has been dropped.
    await page.getByTestId('give-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('kudos-card').count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { intlBuilt: string[] }).intlBuilt),
    ).toEqual([]);
    await page.context().close();
  });
});
