import type { Page } from 'playwright-core';
import { addMember } from '../support/bravo-api';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, KAI, logIn, ROSA, setUpCornerBakery, type CornerBakery } from './corner-bakery';

const MIA = { email: 'mia@corner.example', password: 'mia-password-1' };
const LENA = { email: 'lena@corner.example', password: 'lena-password-1' };
const OTTO = { email: 'otto@corner.example', password: 'otto-password-1' };

/** The member shell's live connection is up (the layout marks it on `<main>`). */
const online = (page: Page) => page.locator('main[data-live="online"]').waitFor();

/**
 * Customer praise from the staff side: an employee records what a customer said about a
 * colleague, the team's manager approves it in the one approval queue choosing the brand
 * value, and the colleague's open feed shows the card and a toast at once; a manager of
 * another team never sees it. Without JavaScript the form keeps what was typed on an error,
 * and a near-duplicate is flagged to the manager, who rejects it with a reason.
 */
describe('customer praise in the browser', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
    const team = async (name: string) =>
      (await api<{ id: string }>(f.app.url, 'POST', 'teams', { name }, bakery.rosa.token)).id;
    const counter = await team('Front counter');
    const harbour = await team('Harbour');
    const member = async (
      who: { email: string; password: string },
      name: string,
      role: 'employee' | 'manager',
      teamId: string,
    ) => {
      const session = await addMember(
        f.app.url,
        bakery.rosa.token,
        { email: who.email, name, role, teamId },
        who.password,
      );
      if (role === 'manager') {
        await api(
          f.app.url,
          'PATCH',
          `members/${session.member.id}`,
          { managedTeamIds: [teamId] },
          bakery.rosa.token,
        );
      }
      return session;
    };
    await member(MIA, 'Mia Manager', 'manager', counter);
    await member(LENA, 'Lena Till', 'employee', counter);
    await member(OTTO, 'Otto Harbour', 'manager', harbour);
    await api(
      f.app.url,
      'PATCH',
      `members/${bakery.kai.member.id}`,
      { teamId: counter },
      bakery.rosa.token,
    );
  });
  afterAll(() => f?.close());

  it('an employee records praise for a colleague, the manager approves it, the colleague sees it live', async () => {
    const WORDS = 'Kai remembered my order <b>and</b> my name — lovely!';
    const recorder = await logIn(f.browser, f.app.url, LENA);
    await recorder.getByTestId('nav-record-praise').click();
    const form = recorder.getByTestId('praise-form');
    await form.waitFor();
    // Hydrated: the search box replaces the no-JavaScript checklist.
    await form.getByTestId('recipient-checklist').waitFor({ state: 'detached' });
    // Her own team to start with.
    expect(await form.getByTestId('praise-team').locator('option:checked').textContent()).toBe(
      'Front counter',
    );
    await form.getByTestId('recipient-search').fill('Kai');
    await form.getByTestId('recipient-option').filter({ hasText: 'Kai Baker' }).click();
    await form.getByTestId('recipient-chip').filter({ hasText: 'Kai Baker' }).waitFor();
    await form.getByTestId('praise-text').fill(WORDS);
    await form.getByLabel('5 stars', { exact: true }).check();
    await form.getByLabel('Customer’s first name').fill('Maria Lopez');
    await form.getByTestId('praise-channel').selectOption('phone');

    // Kai has his feed open while it happens.
    const kai = await logIn(f.browser, f.app.url, KAI);
    await online(kai);

    await form.getByTestId('praise-submit').click();
    await recorder
      .getByTestId('toast')
      .filter({ hasText: 'It waits for a manager to approve it' })
      .waitFor();
    // The form is empty again for the next story.
    expect(await form.getByTestId('praise-text').inputValue()).toBe('');
    expect(await form.getByTestId('recipient-chip').count()).toBe(0);

    // A manager of another team: not in their queue.
    const otto = await logIn(f.browser, f.app.url, OTTO);
    await otto.goto('/manage/approvals');
    await otto.getByTestId('empty-state').filter({ hasText: 'Nothing waiting' }).waitFor();
    expect(await otto.getByTestId('praise-review-item').count()).toBe(0);

    const manager = await logIn(f.browser, f.app.url, MIA);
    await manager.goto('/manage/missions');
    expect(await manager.getByTestId('approvals-count').textContent()).toContain('1');
    await manager.getByTestId('approvals-link').click();
    const item = manager.getByTestId('praise-review-item').filter({ hasText: 'Kai Baker' });
    await item.waitFor();
    // The words as typed, markup and all, as text.
    expect(await item.getByTestId('praise-review-text').textContent()).toBe(WORDS);
    expect(await item.locator('b').count()).toBe(0);
    expect(await item.getByTestId('praise-review-customer').textContent()).toContain('Maria');
    expect(await item.getByRole('img', { name: 'Rated 5 out of 5' }).count()).toBe(1);
    expect(await item.textContent()).toContain('Phone');
    expect(await item.textContent()).toContain('Recorded by Lena Till');
    expect(await item.getByTestId('praise-duplicate').count()).toBe(0);
    // Recorded by staff: no contact details to show.
    expect(await item.getByTestId('praise-review-contact').count()).toBe(0);
    await item.getByTestId('praise-value').selectOption({ label: '🤗 Warm Welcome' });
    await item.getByTestId('praise-approve').click();
    await manager.getByTestId('toast').filter({ hasText: 'Praise approved' }).waitFor();
    await manager.getByTestId('empty-state').filter({ hasText: 'Nothing waiting' }).waitFor();

    // Kai's open feed: the card arrives at the top, and he is told.
    const card = kai.getByTestId('praise-feed-card').first();
    await card.waitFor({ timeout: 5000 });
    expect(await card.getByTestId('praise-words').textContent()).toBe(WORDS);
    expect(await card.getByTestId('praise-staff').textContent()).toBe('Kai Baker');
    // The customer by first name only.
    expect(await card.textContent()).toContain('Maria praised');
    expect(await card.textContent()).not.toContain('Lopez');
    expect(await card.locator('.value-chip').textContent()).toContain('Warm Welcome');
    expect(await card.getByRole('img', { name: 'Rated 5 out of 5' }).count()).toBe(1);
    const toast = kai.getByTestId('live-toast').filter({ hasText: 'Maria praised you' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Kai remembered my order');
    // The toast leads to the card in the feed.
    expect(await toast.getByRole('link', { name: 'Show' }).getAttribute('href')).toMatch(
      /#feed-[0-9a-f-]{36}$/,
    );

    // And his profile keeps it under what customers said.
    await kai.goto(`/members/${bakery.kai.member.id}`);
    const profile = kai.getByTestId('profile-praise');
    expect(await profile.getByTestId('praise-words').textContent()).toBe(WORDS);

    for (const page of [recorder, kai, otto, manager]) {
      await page.context().close();
    }
  });

  it('without JavaScript: keeps what was typed on an error, flags a near-duplicate, rejects with a reason', async () => {
    const WORDS = 'The whole team made our party a joy.';
    const recorder = await logIn(f.browser, f.app.url, LENA, { javaScript: false });
    const record = async (text: string) => {
      await recorder.goto('/praise/new');
      const form = recorder.getByTestId('praise-form');
      await form.getByTestId('praise-text').fill(text);
      await form.getByLabel('Customer’s first name').fill('Sam');
      await form.getByLabel('4 stars', { exact: true }).check();
      await form.getByTestId('praise-channel').selectOption('in_store');
      await form.getByTestId('praise-submit').click();
      return form;
    };

    // Long enough for the browser, too short once trimmed: the error says why, and what was
    // typed is still there.
    const form = await record('  a  ');
    await recorder.getByTestId('form-error').waitFor();
    expect(await form.textContent()).toContain('Use at least 3 characters');
    expect(await form.getByLabel('Customer’s first name').inputValue()).toBe('Sam');
    expect(await form.getByLabel('4 stars', { exact: true }).isChecked()).toBe(true);
    expect(await form.getByTestId('praise-text').inputValue()).toBe('a');

    // Just the team, twice with the same words.
    for (let i = 0; i < 2; i += 1) {
      await record(WORDS);
      await recorder.getByTestId('toast').filter({ hasText: 'Praise recorded' }).waitFor();
    }

    const manager = await logIn(f.browser, f.app.url, MIA, { javaScript: false });
    await manager.goto('/manage/approvals');
    const items = manager.getByTestId('praise-review-item').filter({ hasText: WORDS });
    expect(await items.count()).toBe(2);
    expect(await items.first().textContent()).toContain('The whole Front counter team');
    // Oldest first: the second copy is the one flagged.
    expect(await items.nth(0).getByTestId('praise-duplicate').count()).toBe(0);
    const copy = items.nth(1);
    expect(await copy.getByTestId('praise-duplicate').textContent()).toContain(
      'Possible duplicate',
    );
    await copy.getByTestId('praise-reason').fill('Same story recorded twice');
    await copy.getByTestId('praise-reject').click();
    await manager.getByTestId('toast').filter({ hasText: 'Praise rejected' }).waitFor();
    expect(await manager.getByTestId('praise-review-item').filter({ hasText: WORDS }).count()).toBe(
      1,
    );

    // What she recorded herself waits for another reviewer: no buttons, and it says why.
    await manager.goto('/praise/new');
    await manager.getByTestId('praise-text').fill('Mia heard this one herself.');
    await manager.getByTestId('praise-submit').click();
    await manager.getByTestId('toast').filter({ hasText: 'Praise recorded' }).waitFor();
    await manager.goto('/manage/approvals');
    const own = manager.getByTestId('praise-review-item').filter({ hasText: 'Mia heard this' });
    expect(await own.getByTestId('praise-own').textContent()).toContain('another manager');
    expect(await own.getByTestId('praise-approve').count()).toBe(0);

    // Nothing rejected or pending reaches the feed.
    await manager.goto('/');
    expect(await manager.getByTestId('praise-feed-card').filter({ hasText: WORDS }).count()).toBe(
      0,
    );
    for (const page of [recorder, manager]) {
      await page.context().close();
    }
  });

  it('an admin sets the praise points, with a readable message when out of range', async () => {
    const admin = await logIn(f.browser, f.app.url, ROSA, { javaScript: false });
    await admin.goto('/admin/settings');
    const field = admin.getByTestId('rule-praisePoints');
    expect(await field.inputValue()).toBe('25');
    // Beyond what the browser's own check knows: the server's message, the input kept.
    await field.evaluate((input) => input.removeAttribute('max'));
    await field.fill('5000');
    await admin.getByTestId('settings-submit').click();
    await admin.getByTestId('form-error').waitFor();
    expect(await admin.getByTestId('settings-form').textContent()).toContain(
      'Enter a whole number from 0 to 1000.',
    );
    expect(await field.inputValue()).toBe('5000');
    await field.fill('30');
    await admin.getByTestId('settings-submit').click();
    await admin.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const org = await api<{ rules: { praisePoints: number } }>(
      f.app.url,
      'GET',
      'organization',
      undefined,
      bakery.rosa.token,
    );
    expect(org.rules.praisePoints).toBe(30);
    await admin.context().close();
  });
});
