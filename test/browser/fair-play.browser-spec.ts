import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { ROSA, KAI, logIn, setUpCornerBakery } from './corner-bakery';

/** The admin's fair-play page: flags (none in a fresh bakery) and the ledger check. */
describe('fair play in the browser', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await startBrowserFixture();
    await setUpCornerBakery(f.app.url);
  });
  afterAll(() => f?.close());

  it('shows an admin the flags and that the ledger matches, from the admin sections', async () => {
    const rosa = await logIn(f.browser, f.app.url, ROSA, {
      device: { viewport: { width: 1024, height: 800 } },
    });
    // The header's links, insights among them, fit a 1024-pixel screen.
    expect(
      await rosa.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await rosa.getByTestId('nav-insights').count()).toBe(1);

    await rosa.getByTestId('nav-admin').click();
    await rosa.getByTestId('nav-fair-play').click();
    await rosa.getByTestId('fair-play-flags').waitFor();
    expect(
      await rosa.getByTestId('fair-play-flags').getByTestId('empty-state').textContent(),
    ).toContain('No flags for this period');
    expect(await rosa.getByTestId('ledger-ok').textContent()).toMatch(/match(es)? the ledger/);

    // Last month, through the period filter: the address says so and the page answers.
    await rosa.getByTestId('fair-play-period').selectOption('last-month');
    await rosa.waitForURL((url) => url.searchParams.get('period') === 'last-month');
    await rosa.getByTestId('fair-play-flags').getByTestId('empty-state').waitFor();
  });

  it('is not for employees', async () => {
    const kai = await logIn(f.browser, f.app.url, KAI);
    expect(await kai.getByTestId('nav-insights').count()).toBe(0);
    const response = await kai.goto('/admin/fair-play');
    expect(response?.status()).toBe(403);
    expect((await kai.goto('/insights'))?.status()).toBe(403);
    expect((await kai.goto('/insights/values.csv'))?.status()).toBe(403);
  });
});
