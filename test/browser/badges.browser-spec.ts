import type { CreatedDisplayDto } from '@bravo/shared';
import sharp from 'sharp';
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

  it('edits a badge’s rule so that a member now qualifies, with an uploaded image, and the member holds it', async () => {
    await api(
      f.app.url,
      'POST',
      'kudos',
      {
        recipientIds: [bakery.rosa.member.id],
        valueId: bakery.valueId,
        message: 'Thanks for the lovely sourdough!',
        points: 1,
      },
      bakery.kai.token,
    );
    // Out of reach for everyone: fifty kudos given.
    const badge = await api<{ id: string }>(
      f.app.url,
      'POST',
      'badges',
      { name: 'Big Giver', icon: 'gem', metric: 'kudos_given', threshold: 50, window: 'all_time' },
      bakery.rosa.token,
    );
    const rosa = await logIn(f.browser, f.app.url, ROSA);
    await rosa.goto('/admin/badges');
    await rosa.getByRole('link', { name: 'Edit Big Giver' }).click();
    await rosa.waitForURL(`**/admin/badges/${badge.id}`);
    const form = rosa.getByTestId('badge-form');
    expect(await form.getByLabel('How many').inputValue()).toBe('50');
    expect(await form.textContent()).toContain('saving awards the badge to everyone who qualifies');

    // A threshold that is not a whole number is named at its field, in the form's language.
    await form.getByLabel('How many').fill('lots');
    await form.getByTestId('badge-save').click();
    await form.getByText('Enter a whole number').first().waitFor();

    await form.getByLabel('How many').fill('1');
    await form.getByTestId('badge-preview-submit').click();
    const preview = rosa.getByTestId('badge-preview');
    await preview.filter({ hasText: 'would earn it now' }).waitFor();
    expect(await preview.textContent()).toContain('Kai Baker');

    const png = await sharp({
      create: { width: 96, height: 96, channels: 3, background: { r: 180, g: 40, b: 120 } },
    })
      .png()
      .toBuffer();
    await form
      .getByTestId('badge-image-input')
      .setInputFiles({ name: 'gem.png', mimeType: 'image/png', buffer: png });
    await form.getByTestId('badge-save').click();
    await rosa.getByTestId('toast').filter({ hasText: 'Badge saved' }).waitFor();
    // The page shows the badge as saved: the new threshold, and the image to keep or remove.
    expect(await form.getByLabel('How many').inputValue()).toBe('1');
    await form.getByTestId('badge-remove-image').waitFor();

    const kai = await logIn(f.browser, f.app.url, KAI);
    await kai.goto(`/members/${bakery.kai.member.id}`);
    const earned = kai.getByTestId('earned-badge').filter({ hasText: 'Big Giver' });
    await earned.waitFor();
    const image = earned.getByTestId('badge-image');
    await until(
      async () => (await image.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 0,
      10_000,
      'the badge image loaded on Kai’s profile',
    );
  });

  it('celebrates a badge on the TV with its uploaded image, fetched with the screen’s link', async () => {
    const form = new FormData();
    const png = await sharp({
      create: { width: 80, height: 80, channels: 3, background: { r: 30, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    form.append('file', new Blob([png], { type: 'image/png' }), 'loved.png');
    const uploaded = await fetch(`${f.app.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bakery.rosa.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id: imageId } = (await uploaded.json()) as { id: string };
    const screen = await api<CreatedDisplayDto>(
      f.app.url,
      'POST',
      'displays',
      { name: 'Shop TV', scope: 'organization' },
      bakery.rosa.token,
    );
    const context = await f.browser.newContext({
      baseURL: f.app.url,
      viewport: { width: 1920, height: 1080 },
    });
    const tv = await context.newPage();
    const path = new URL(screen.url).pathname;
    await tv.goto(path);
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor({ timeout: 10_000 });

    // Rosa has received kudos already: the new badge is hers at once, and the screen celebrates.
    await api(
      f.app.url,
      'POST',
      'badges',
      {
        name: 'Loved Baker',
        icon: 'heart',
        imageId,
        metric: 'kudos_received',
        threshold: 1,
        window: 'all_time',
      },
      bakery.rosa.token,
    );
    const celebration = tv.getByTestId('tv-celebration').filter({ hasText: 'Loved Baker' });
    await celebration.waitFor({ timeout: 10_000 });
    const image = celebration.getByTestId('badge-image');
    expect(await image.getAttribute('src')).toBe(`${path}/badge-images/${imageId}`);
    await tv.waitForFunction(
      () =>
        (document.querySelector('[data-testid="tv-celebration"] img') as HTMLImageElement | null)
          ?.naturalWidth === 80,
      undefined,
      { timeout: 5000 },
    );
    // The screen's path serves badge images only, and only with a valid link.
    const wrongLink = path.replace(/[^/]+$/, 'x'.repeat(43));
    expect((await fetch(`${f.app.url}${wrongLink}/badge-images/${imageId}`)).status).toBe(401);
    await context.close();
  });

  it('offers only the windows the chosen metric allows, and names the months-of-missions metric', async () => {
    const rosa = await logIn(f.browser, f.app.url, ROSA);
    await rosa.goto('/admin/badges');
    const form = rosa.getByTestId('badge-form');
    const metric = form.getByLabel('What counts');
    const within = form.getByLabel('Within');
    const offered = () =>
      within.evaluate((select: HTMLSelectElement) => ({
        options: [...select.options].map((o) => o.value),
        value: select.value,
      }));
    // Until hydrated, the server's choices stay: choose again until the page follows.
    await until(
      async () => {
        await metric.selectOption('months_all_missions_completed');
        const now = await offered();
        return now.options.join() === 'month,all_time';
      },
      10_000,
      'only a month or all time for months of missions',
    );
    expect(await offered()).toEqual({ options: ['month', 'all_time'], value: 'all_time' });
    await within.selectOption('month');
    await metric.selectOption('weekly_giving_streak');
    expect(await offered()).toEqual({ options: ['all_time'], value: 'all_time' });
    await metric.selectOption('kudos_given');
    expect(await offered()).toEqual({ options: ['week', 'month', 'all_time'], value: 'month' });
    await metric.selectOption('months_all_missions_completed');
    expect(await offered()).toEqual({ options: ['month', 'all_time'], value: 'month' });

    await form.getByLabel('Name').fill('Monthly Hero');
    await form.getByLabel('How many').fill('1');
    await form.getByTestId('badge-create').click();
    await rosa.getByTestId('toast').filter({ hasText: 'Badge created' }).waitFor();
    const row = rosa.getByTestId('badge-row').filter({ hasText: 'Monthly Hero' });
    await row.waitFor();
    expect(await row.textContent()).toContain('1 × Months with every mission completed, a month');
  });
});
