import type { CreatedDisplayDto } from '@bravo/shared';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, setUpCornerBakery, type CornerBakery } from './corner-bakery';

/**
 * The TV's missions panel: this month's missions with the team's meter, moving live when a
 * manager approves a completion, and a celebration when the team reaches its target.
 */
describe('missions on a TV screen', () => {
  let f: BrowserFixture;
  let org: CornerBakery;
  beforeAll(async () => {
    f = await startBrowserFixture();
    org = await setUpCornerBakery(f.app.url);
  });
  afterAll(() => f?.close());

  it('shows the team target meter, moves it when a completion is approved and celebrates the target', async () => {
    const team = await api<{ id: string }>(
      f.app.url,
      'POST',
      'teams',
      { name: 'Bakehouse' },
      org.rosa.token,
    );
    await api(
      f.app.url,
      'PATCH',
      `members/${org.kai.member.id}`,
      { teamId: team.id },
      org.rosa.token,
    );
    const mission = await api<{ id: string }>(
      f.app.url,
      'POST',
      'missions',
      {
        title: 'Bake the winter loaf',
        points: 10,
        teamIds: [team.id],
        kind: 'evidence',
        evidence: 'text',
        teamTarget: { completions: 1, bonus: 5 },
      },
      org.rosa.token,
    );
    await api(f.app.url, 'POST', `missions/${mission.id}/publish`, undefined, org.rosa.token);
    const screen = await api<CreatedDisplayDto>(
      f.app.url,
      'POST',
      'displays',
      // Not public-safe: the staff screen's name style ("Kai B.").
      {
        name: 'Bakehouse TV',
        scope: 'team',
        teamId: team.id,
        panels: ['missions'],
        publicSafe: false,
      },
      org.rosa.token,
    );

    const context = await f.browser.newContext({
      baseURL: f.app.url,
      viewport: { width: 1920, height: 1080 },
    });
    const tv = await context.newPage();
    await tv.goto(new URL(screen.url).pathname);
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor({ timeout: 10_000 });
    const panel = tv.getByTestId('tv-panel-missions');
    await panel.getByText('Bake the winter loaf').waitFor();
    const meter = panel.getByRole('meter', { name: 'Bakehouse' });
    expect(await meter.getAttribute('aria-valuenow')).toBe('0');
    expect(await panel.getByTestId('tv-mission-done').textContent()).toContain('Be the first');

    const sent = await api<{ id: string }>(
      f.app.url,
      'POST',
      `missions/${mission.id}/submissions`,
      { text: 'Forty loaves before opening.' },
      org.kai.token,
    );
    await api(
      f.app.url,
      'POST',
      `mission-submissions/${sent.id}/approve`,
      undefined,
      org.rosa.token,
    );

    await tv
      .getByTestId('tv-celebration')
      .filter({ hasText: /Bakehouse\W+reached the target of\W+Bake the winter loaf/ })
      .waitFor({
        timeout: 5000,
      });
    await tv.waitForFunction(
      () => document.querySelector('[role="meter"]')?.getAttribute('aria-valuenow') === '1',
      undefined,
      { timeout: 5000 },
    );
    // The screen's name style: "Kai B.".
    expect(await panel.getByTestId('tv-mission-done').textContent()).toContain('Kai B.');
    await context.close();
  });
});
