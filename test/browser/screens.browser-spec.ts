import type { Page } from 'playwright-core';
import type { CreatedDisplayDto, KudosDto } from '@bravo/shared';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, logIn, ROSA, setUpCornerBakery, type CornerBakery } from './corner-bakery';

/**
 * Pairing a TV by code: the TV opens /tv and shows a code, the owner types it
 * under Admin → Screens, the TV becomes that screen (and stays it across a
 * reload), shows a live kudos, follows an edit of its settings at once, and
 * goes back to a fresh code when revoked. The admin sees it online.
 */
describe('pairing a TV by code', () => {
  let f: BrowserFixture;
  let org: CornerBakery;
  beforeAll(async () => {
    f = await startBrowserFixture();
    org = await setUpCornerBakery(f.app.url);
  });
  afterAll(() => f?.close());

  const give = (message: string) =>
    api<KudosDto>(
      f.app.url,
      'POST',
      'kudos',
      { recipientIds: [org.rosa.member.id], valueId: org.valueId, message, points: 5 },
      org.kai.token,
    );

  const openTv = async (): Promise<Page> => {
    const context = await f.browser.newContext({
      baseURL: f.app.url,
      viewport: { width: 1920, height: 1080 },
    });
    const tv = await context.newPage();
    await tv.goto('/tv');
    return tv;
  };

  it('pairs by the code on the TV, which then shows the board and a live kudos, and remembers it', async () => {
    const tv = await openTv();
    const shown = tv.getByTestId('tv-pairing-code');
    await shown.waitFor();
    const code = (await shown.textContent())!.replace(/\s/g, '');
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await tv.getByTestId('tv-pairing-qr').waitFor();

    const admin = await logIn(f.browser, f.app.url, ROSA);
    await admin.goto('/admin/displays');
    const form = admin.getByTestId('pair-form');
    // Typed as a person would, with a space and in lower case.
    await form.getByTestId('pair-code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await form.getByLabel('Screen name').fill('Counter TV');
    const pairedAt = Date.now();
    await form.getByTestId('pair-submit').click();
    await tv.getByTestId('tv-org').waitFor({ timeout: 3000 });
    console.log(`TV showed the board ${Date.now() - pairedAt} ms after "Pair this screen"`);
    expect(await tv.getByTestId('tv-org').textContent()).toContain('Corner Bakery');
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor();
    // The token never appears in the address bar.
    expect(new URL(tv.url()).pathname).toBe('/tv');

    const message = 'Paired in seconds and already cheering the morning shift!';
    await give(message);
    await tv.getByText(message).first().waitFor({ timeout: 2000 });

    // A reload (or a power cut) keeps the screen.
    await tv.reload();
    await tv.getByTestId('tv-org').waitFor();
    expect(await tv.getByTestId('tv-pairing-code').count()).toBe(0);

    // The admin sees it online, with its browser.
    await admin.goto('/admin/displays');
    const row = admin.getByTestId('display-row').filter({ hasText: 'Counter TV' });
    expect(await row.getByTestId('display-presence').textContent()).toContain('Online now');
    expect(await row.getByTestId('display-presence').textContent()).toContain('Chrome');

    // An edit reaches the TV at once: only the kudos panel now.
    await row.getByTestId('display-edit').click();
    const edit = row.getByTestId('display-edit-form');
    await edit.getByTestId('display-edit-panels').getByLabel('Leaderboard').uncheck();
    await edit.getByTestId('display-edit-panels').getByLabel('Store ranking').uncheck();
    await edit.getByTestId('display-edit-submit').click();
    await tv.getByTestId('tv-panel-fresh_kudos').waitFor({ timeout: 2000 });
    await tv.getByTestId('tv-panel-team_leaderboard').waitFor({ state: 'detached', timeout: 2000 });

    // Revoked: the TV forgets it and shows a new code to pair again.
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('display-revoke').click();
    await tv.getByTestId('tv-pairing-code').waitFor({ timeout: 5000 });
    expect((await tv.getByTestId('tv-pairing-code').textContent())!.replace(/\s/g, '')).not.toBe(
      code,
    );
    await admin.context().close();
    await tv.context().close();
  });

  it('says a wrong code is not waiting, and pairs nothing', async () => {
    const admin = await logIn(f.browser, f.app.url, ROSA);
    await admin.goto('/admin/displays');
    const before = await admin.getByTestId('display-row').count();
    const form = admin.getByTestId('pair-form');
    await form.getByTestId('pair-code').fill('ZZZ ZZZ');
    await form.getByLabel('Screen name').fill('Guess TV');
    await form.getByTestId('pair-submit').click();
    await admin.getByText('No screen is waiting with this code').waitFor();
    expect(await admin.getByTestId('display-row').count()).toBe(before);
    await admin.context().close();
  });

  it('follows Admin → Screens into public-safe mode and into its schedule', async () => {
    await give('The morning rush went like clockwork, thank you!');
    const screen = await api<CreatedDisplayDto>(
      f.app.url,
      'POST',
      'displays',
      {
        name: 'Shop floor TV',
        scope: 'organization',
        panels: ['team_leaderboard'],
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
    const board = tv.getByTestId('tv-members');
    await board.waitFor();
    expect(await board.locator('.tv-score').count()).toBeGreaterThan(0);

    const admin = await logIn(f.browser, f.app.url, ROSA);
    await admin.goto('/admin/displays');
    const row = admin.getByTestId('display-row').filter({ hasText: 'Shop floor TV' });
    await row.getByTestId('display-edit').click();
    const edit = row.getByTestId('display-edit-form');
    await edit.getByTestId('display-public-safe').check();
    await edit.getByTestId('display-edit-submit').click();
    await row.filter({ hasText: 'safe to face customers' }).waitFor();
    // Moved to the public-safe room: the TV reconnects and shows the board without points.
    await board.locator('.tv-score').first().waitFor({ state: 'detached', timeout: 5000 });
    expect(await tv.getByTestId('tv-member-name').first().textContent()).toContain('Rosa');

    // A slot around this hour (the organisation's time) shows the customers' words instead.
    const hhmm = (offsetMinutes: number) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(Date.now() + offsetMinutes * 60_000));
    await admin.goto('/admin/displays');
    await row.getByTestId('display-edit').click();
    const slot = edit.getByTestId('schedule-slot').first();
    await slot.getByTestId('schedule-from').fill(hhmm(-60));
    await slot.getByTestId('schedule-to').fill(hhmm(60));
    await slot.getByLabel('What our customers say').check();
    await edit.getByTestId('display-edit-submit').click();
    await tv.getByTestId('tv-panel-customer_praise').waitFor({ timeout: 5000 });
    await tv.getByTestId('tv-panel-team_leaderboard').waitFor({ state: 'detached' });
    await admin.context().close();
    await context.close();
  });
});
