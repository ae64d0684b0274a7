import { readFile } from 'node:fs/promises';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, KAI, logIn, ROSA, setUpCornerBakery } from './corner-bakery';

/**
 * The owner reads the audit log: what changed, before → after, filtered by action and by
 * person, exported as CSV; employees cannot open it.
 */
describe('the audit log in the browser', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await startBrowserFixture();
    const { rosa, kai } = await setUpCornerBakery(f.app.url);
    const team = await api<{ id: string }>(
      f.app.url,
      'POST',
      'teams',
      { name: 'Front counter' },
      rosa.token,
    );
    await api(f.app.url, 'PATCH', `teams/${team.id}`, { name: 'Front of house' }, rosa.token);
    await api(f.app.url, 'PATCH', `members/${kai.member.id}`, { teamId: team.id }, rosa.token);
  });
  afterAll(() => f?.close());

  it('shows who changed what, filters it and downloads it', async () => {
    const rosa = await logIn(f.browser, f.app.url, ROSA, {
      device: { viewport: { width: 1280, height: 800 } },
    });
    await rosa.getByTestId('nav-admin').click();
    await rosa.getByTestId('nav-audit').click();
    await rosa.getByTestId('audit-table').waitFor();
    // An admin's eight links fit a 1280-pixel laptop screen (the avatar stands in for the name).
    expect(
      await rosa.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    const renamed = rosa.locator('[data-testid="audit-entry"][data-action="team.renamed"]');
    expect(await renamed.count()).toBe(1);
    const text = (await renamed.textContent()) ?? '';
    expect(text).toContain('Team renamed');
    expect(text).toContain('Rosa');
    expect(await renamed.locator('.was').allTextContents()).toEqual(['Front counter']);
    expect(await renamed.locator('.now').allTextContents()).toEqual(['Front of house']);
    // Kai moved into the team: the change names the team, not its id.
    const moved = rosa.locator('[data-testid="audit-entry"][data-action="member.updated"]');
    expect(await moved.locator('.now').allTextContents()).toContain('Front of house');
    // The team's creation is there too, with nothing before it.
    expect(await rosa.locator('[data-action="team.created"]').count()).toBeGreaterThan(0);

    // Only renames: the address carries the filter, the table answers.
    await rosa.getByTestId('audit-action').selectOption('team.renamed');
    await rosa.getByTestId('audit-apply').click();
    await rosa.waitForURL((url) => url.searchParams.get('action') === 'team.renamed');
    await rosa.getByTestId('audit-table').waitFor();
    const actions = await rosa
      .getByTestId('audit-entry')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['team.renamed']);

    // The CSV holds what the page shows.
    const [download] = await Promise.all([
      rosa.waitForEvent('download'),
      rosa.getByTestId('audit-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('at,actor_id,actor_name')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',team.renamed,team,');
    expect(lines[1]).toContain('Front of house');

    // Rosa's own actions, from her name.
    await renamed.getByRole('link', { name: /Rosa/ }).click();
    await rosa.getByTestId('audit-actor-filter').waitFor();
    expect(await rosa.getByTestId('audit-actor-filter').textContent()).toContain('Only what Rosa');

    // An end before the start is explained, not a broken page.
    await rosa.goto('/admin/audit?from=2026-12-08&to=2026-12-01');
    expect(await rosa.getByTestId('audit-filter-error').textContent()).toContain(
      'The end must not be before the start.',
    );
  });

  it('is for admins only', async () => {
    const kai = await logIn(f.browser, f.app.url, KAI);
    expect((await kai.goto('/admin/audit'))?.status()).toBe(403);
    expect((await kai.goto('/admin/audit/export.csv'))?.status()).toBe(403);
  });
});
