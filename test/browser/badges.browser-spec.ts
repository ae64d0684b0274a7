import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, KAI, logIn, ROSA, setUpCornerBakery, type CornerBakery } from './corner-bakery';
import { until } from '../support/wait';

/**
 * The admin's badge editor: a rule previewed (who would earn it now) before it is created,
 * created and awarded at once to whoever already qualifies, shown on the member's profile,
 * and turned off.
 */
describe('badges in the browser', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
  });
  afterAll(() => f?.close());

  it('previews who qualifies, creates the badge, awards it backwards and shows it on the profile', async () => {
    // Two kudos from Kai: he qualifies for "two kudos given", Rosa does not.
    for (const message of ['Thanks for the early bake today!', 'Thanks for covering the till!']) {
      await api(
        f.app.url,
        'POST',
        'kudos',
        { recipientIds: [bakery.rosa.member.id], valueId: bakery.valueId, message, points: 1 },
        bakery.kai.token,
      );
    }
    const rosa = await logIn(f.browser, f.app.url, ROSA);
    await rosa.goto('/admin/members');
    await rosa.getByTestId('nav-badges').click();
    const form = rosa.getByTestId('badge-form');
    await form.getByLabel('Name').fill('Generous Baker');
    await form.getByLabel('Icon').selectOption('heart');
    await form.getByLabel('What counts').selectOption('kudos_given');
    await form.getByLabel('How many').fill('2');
    await form.getByLabel('Within').selectOption('all_time');

    await form.getByTestId('badge-preview-submit').click();
    const preview = rosa.getByTestId('badge-preview');
    await preview.filter({ hasText: '1 member would earn it now.' }).waitFor();
    expect(await preview.textContent()).toContain('Kai Baker');
    // The preview keeps what was typed and creates nothing.
    expect(await form.getByLabel('Name').inputValue()).toBe('Generous Baker');
    expect(await rosa.getByTestId('badge-row').filter({ hasText: 'Generous Baker' }).count()).toBe(
      0,
    );

    // A threshold that is not a whole number is named at its field.
    await form.getByLabel('How many').fill('two');
    await form.getByTestId('badge-create').click();
    await form.getByText('Enter a whole number').first().waitFor();
    await form.getByLabel('How many').fill('2');
    await form.getByTestId('badge-create').click();
    await rosa.getByTestId('toast').filter({ hasText: 'Badge created' }).waitFor();
    const row = rosa.getByTestId('badge-row').filter({ hasText: 'Generous Baker' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 × Kudos given, all time');

    const kai = await logIn(f.browser, f.app.url, KAI);
    await until(
      async () => {
        await kai.goto(`/members/${bakery.kai.member.id}`);
        return (
          (await kai.getByTestId('earned-badge').filter({ hasText: 'Generous Baker' }).count()) ===
          1
        );
      },
      10_000,
      'Generous Baker on Kai’s profile',
    );

    rosa.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Turn off Generous Baker' }).click();
    await rosa.getByTestId('toast').filter({ hasText: 'Badge turned off' }).waitFor();
    expect(await rosa.getByTestId('badge-row').filter({ hasText: 'Generous Baker' }).count()).toBe(
      0,
    );
    // Kai keeps it.
    await kai.reload();
    expect(
      await kai.getByTestId('earned-badge').filter({ hasText: 'Generous Baker' }).count(),
    ).toBe(1);
  });

  it('puts a badge earned in the home feed: live while the feed is open, and after a reload', async () => {
    const kai = await logIn(f.browser, f.app.url, KAI);
    await kai.goto('/');
    await kai.locator('main[data-live="online"]').waitFor();
    // "Generous Baker" (the test above), awarded backwards in one run: its card is on the page.
    const cards = kai.getByTestId('badge-feed-card');
    await cards.filter({ hasText: 'Kai Baker earned Generous Baker' }).waitFor();

    // A new badge Kai already qualifies for, created while his feed is open: its card arrives.
    await api(
      f.app.url,
      'POST',
      'badges',
      {
        name: 'Till Hero',
        icon: 'crown',
        description: 'Thanked for covering the till',
        metric: 'kudos_given',
        threshold: 1,
        window: 'all_time',
      },
      bakery.rosa.token,
    );
    const live = cards.filter({ hasText: 'Kai Baker earned Till Hero' });
    await live.waitFor();
    expect(await live.textContent()).toContain('Thanked for covering the till');
    // The badge's emblem: the crown.
    expect(await live.locator('.emblem').textContent()).toContain('👑');
    // Newest first: above the kudos of before.
    const first = kai.getByTestId('feed').locator('li').first();
    expect(await first.textContent()).toContain('Till Hero');

    // Read again from the server (no JavaScript needed for it): one card, in the same place.
    await kai.reload();
    await kai.locator('main[data-live="online"]').waitFor();
    expect(await cards.filter({ hasText: 'Till Hero' }).count()).toBe(1);
    expect(await kai.getByTestId('feed').locator('li').first().textContent()).toContain(
      'Till Hero',
    );
  });
});
