import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, logIn, ROSA, setUpCornerBakery } from './corner-bakery';

const file = (text: string) => ({
  name: 'staff.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

/**
 * The owner imports her staff from a spreadsheet: a bad row is shown before anything is
 * written, the fixed file imports, and importing it again changes nothing.
 */
describe('member import in the browser', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await startBrowserFixture();
    const { rosa } = await setUpCornerBakery(f.app.url);
    await api(f.app.url, 'POST', 'teams', { name: 'Harbour' }, rosa.token);
  });
  afterAll(() => f?.close());

  it('previews problems, imports the fixed file once, and a repeat changes nothing', async () => {
    const rosa = await logIn(f.browser, f.app.url, ROSA);
    await rosa.goto('/admin/members');
    await rosa.getByTestId('import-link').click();
    await rosa.getByTestId('import-file').waitFor();

    // Line 3 names a team that does not exist, line 4 repeats line 2's address.
    const bad = [
      'name,email,role,team,part-time factor',
      'Lina Haddad,lina@corner.example,employee,Harbour,0.5',
      'Omar Saleh,omar@corner.example,manager,Dockside,',
      'Lina Again,LINA@corner.example,employee,Harbour,',
    ].join('\n');
    await rosa.getByTestId('import-file').setInputFiles(file(bad));
    await rosa.getByTestId('import-check').click();
    await rosa.getByTestId('import-preview').waitFor();
    const problems = rosa.locator('[data-testid="import-row"][data-action="error"]');
    expect(await problems.count()).toBe(2);
    expect(await problems.nth(0).textContent()).toContain('No team of that name.');
    expect(await problems.nth(1).textContent()).toContain('already on line 2');
    expect(await rosa.getByTestId('import-apply').count()).toBe(0);
    await rosa.getByTestId('import-fix').waitFor();
    // Nothing was written by the check.
    const before = await (await rosa.request.get('/api/v1/members?limit=100')).json();
    expect(before.items.some((m: { email: string }) => m.email === 'lina@corner.example')).toBe(
      false,
    );

    const good = [
      'name,email,role,team,part-time factor',
      'Lina Haddad,lina@corner.example,employee,Harbour,0.5',
      'Omar Saleh,omar@corner.example,manager,Harbour,',
    ].join('\n');
    await rosa.getByTestId('import-file').setInputFiles(file(good));
    await rosa.getByTestId('import-check').click();
    await rosa.getByTestId('import-summary').waitFor();
    expect(await rosa.getByTestId('import-summary').textContent()).toContain('2 to invite');
    await rosa.getByTestId('import-apply').click();
    await rosa.getByTestId('import-done').waitFor();
    expect(await rosa.getByTestId('import-done').textContent()).toContain('2 invited');

    // The same file again: both rows unchanged, and applying it invites nobody.
    await rosa.getByTestId('import-file').setInputFiles(file(good));
    await rosa.getByTestId('import-check').click();
    await rosa.getByTestId('import-summary').waitFor();
    const again = rosa.getByTestId('import-row');
    expect(
      await again.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
    ).toEqual(['unchanged', 'unchanged']);
    await rosa.getByTestId('import-apply').click();
    await rosa.getByTestId('import-done').waitFor();
    expect(await rosa.getByTestId('import-done').textContent()).toContain('0 invited');
  });
});
