import { readFile } from 'node:fs/promises';
import type { SessionDto } from '@bravo/shared';
import { addMember } from '../support/bravo-api';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, logIn, setUpCornerBakery, type CornerBakery } from './corner-bakery';

const MIA = { email: 'mia@corner.example', password: 'mia-password-1' };

/**
 * A manager reads insights for her team: charts with their figures as text, a CSV download,
 * and "who to recognise" straight into a kudos for the colleague nobody recognised.
 */
describe('insights in the browser', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  let lena: SessionDto;
  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
    const base = f.app.url;
    const { rosa, kai } = bakery;
    const team = await api<{ id: string }>(
      base,
      'POST',
      'teams',
      { name: 'Front counter' },
      rosa.token,
    );
    const mia = await addMember(
      base,
      rosa.token,
      { email: MIA.email, name: 'Mia Manager', role: 'manager', teamId: team.id },
      MIA.password,
    );
    await api(base, 'PATCH', `members/${mia.member.id}`, { managedTeamIds: [team.id] }, rosa.token);
    await api(base, 'PATCH', `members/${kai.member.id}`, { teamId: team.id }, rosa.token);
    lena = await addMember(
      base,
      rosa.token,
      { email: 'lena@corner.example', name: 'Lena Barista', role: 'employee', teamId: team.id },
      'lena-password-1',
    );
    // Kai is recognised this week; Lena is not.
    await api(
      base,
      'POST',
      'kudos',
      {
        recipientIds: [kai.member.id],
        valueId: bakery.valueId,
        points: 10,
        message: 'Thank you for opening the shop so early every day!',
      },
      rosa.token,
    );
  });
  afterAll(() => f?.close());

  it('shows charts and their tables, downloads a CSV and leads into a kudos for Lena', async () => {
    const page = await logIn(f.browser, f.app.url, MIA);
    await page.getByTestId('nav-insights').click();
    await page.getByTestId('insights-title').waitFor();

    // Chart.js draws into the canvas; the same figures are in the table beside it.
    const values = page.getByTestId('chart-values');
    expect(await values.getAttribute('aria-label')).toContain('Warm Welcome');
    await values.locator('canvas').waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="chart-values"] canvas') as HTMLCanvasElement)
          ?.width > 0,
    );
    expect(await page.getByTestId('table-values').textContent()).toMatch(/Warm Welcome\s*1\s*10/);
    expect(await page.getByTestId('chart-participation').locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('table-participation').textContent()).toContain('Received (%)');

    // The CSV comes through the web with the session: BOM, then the header row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-values').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^analytics-values-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split(/\r\n/);
    expect(lines[0]).toBe('valueId,name,emoji,color,kudos,points');
    expect(lines).toContain(`${bakery.valueId},Warm Welcome,🤗,#b45309,1,10`);

    // Lena was not recognised; Kai was. Her link opens the give box with her chosen.
    const recognise = page.getByTestId('who-to-recognise');
    const rows = await recognise.getByTestId('recognise-row').allTextContents();
    expect(rows.some((row) => row.includes('Lena Barista'))).toBe(true);
    expect(rows.some((row) => row.includes('Kai Baker'))).toBe(false);
    await recognise
      .getByTestId('recognise-row')
      .filter({ hasText: 'Lena Barista' })
      .getByTestId('recognise-link')
      .click();
    await page.waitForURL((url) => url.searchParams.get('to') === lena.member.id);
    const give = page.getByTestId('give-form');
    await give.waitFor();
    await give.getByTestId('recipient-checklist').waitFor({ state: 'detached' });
    expect(await give.getByTestId('recipient-chip').allTextContents()).toEqual([
      expect.stringContaining('Lena Barista'),
    ]);
    await give.getByRole('radio', { name: 'Warm Welcome' }).check();
    await give.getByTestId('give-message').fill('Your latte art made a customer smile today!');
    await give.getByTestId('give-submit').click();
    await page.getByTestId('toast').filter({ hasText: 'Kudos sent' }).waitFor();
    const top = page.getByTestId('kudos-card').first();
    expect(await top.getByTestId('kudos-recipients').textContent()).toContain('Lena Barista');

    // Back on insights, Lena has left the list.
    await page.getByTestId('nav-insights').click();
    await page.getByTestId('who-to-recognise').waitFor();
    expect(await page.getByTestId('recognise-row').allTextContents()).not.toContainEqual(
      expect.stringContaining('Lena Barista'),
    );
  });
});
