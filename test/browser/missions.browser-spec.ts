import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { CreatedDisplayDto, SessionDto } from '@bravo/shared';
import { addMember } from '../support/bravo-api';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import { api, KAI, logIn, setUpCornerBakery, type CornerBakery } from './corner-bakery';
import { until } from '../support/wait';

const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 375, height: 812 } };
const MIA = { email: 'mia@corner.example', password: 'mia-password-1' };

/**
 * Missions end to end: a team manager sets a text mission in the editor and publishes it,
 * an employee hands it in on a phone, the manager approves it in the queue and the
 * employee's points go up; a knowledge check built without JavaScript, failed and then
 * passed; a link handed in without JavaScript, rejected with a reason.
 */
describe('missions in the browser', () => {
  let f: BrowserFixture;
  let bakery: CornerBakery;
  let mia: SessionDto;
  let teamId: string;
  beforeAll(async () => {
    f = await startBrowserFixture();
    bakery = await setUpCornerBakery(f.app.url);
    const team = await api<{ id: string }>(
      f.app.url,
      'POST',
      'teams',
      { name: 'Front counter' },
      bakery.rosa.token,
    );
    teamId = team.id;
    mia = await addMember(
      f.app.url,
      bakery.rosa.token,
      { email: MIA.email, name: 'Mia Manager', role: 'manager', teamId: team.id },
      MIA.password,
    );
    await api(
      f.app.url,
      'PATCH',
      `members/${mia.member.id}`,
      { managedTeamIds: [team.id] },
      bakery.rosa.token,
    );
    await api(
      f.app.url,
      'PATCH',
      `members/${bakery.kai.member.id}`,
      { teamId: team.id },
      bakery.rosa.token,
    );
  });
  afterAll(() => f?.close());

  const earnedThisMonth = async (page: Page): Promise<number> => {
    await page.goto(`/members/${bakery.kai.member.id}`);
    const text = await page.getByTestId('stat-earnedMonth').locator('.stat-value').textContent();
    return Number(text?.replace(/\D/g, ''));
  };

  const noSideways = (page: Page) =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

  it('a manager sets a mission, an employee hands it in on a phone, the manager approves it', async () => {
    const TITLE = 'Share a compliment a guest gave you';
    const manager = await logIn(f.browser, f.app.url, MIA);
    await manager.getByTestId('nav-manage-missions').click();
    await manager.getByTestId('empty-state').waitFor();
    await manager.getByTestId('mission-new').click();
    const editor = manager.getByTestId('mission-form');
    await editor.getByLabel('Title').fill(TITLE);
    await editor.getByLabel('Description').fill('Write down what they said, word for word.');
    await editor.getByLabel('Brand value').selectOption({ label: '🤗 Warm Welcome' });
    await editor.getByLabel('Points', { exact: true }).fill('15');
    // Her one team is ticked for her; a task is the default kind, a few words the default evidence.
    expect(await editor.getByLabel('Front counter').isChecked()).toBe(true);
    expect(await editor.getByLabel('What to hand in').inputValue()).toBe('text');
    // With JavaScript the quiz builder shows only for a knowledge check.
    expect(await editor.getByTestId('quiz-builder').isVisible()).toBe(false);
    await editor.getByLabel('Knowledge check').check();
    const questions = editor.getByTestId('builder-question');
    await questions.first().waitFor();
    // One question to start with; more as needed.
    expect(await questions.count()).toBe(1);
    await editor.getByTestId('quiz-add-question').click();
    await questions.nth(1).waitFor();
    await editor.getByRole('button', { name: 'Remove question 2' }).click();
    await questions.nth(1).waitFor({ state: 'detached' });
    await editor.getByLabel('Task', { exact: true }).check();
    await editor.getByTestId('quiz-builder').waitFor({ state: 'hidden' });
    await editor.getByTestId('mission-save').click();
    await manager.getByTestId('mission-saved').waitFor();
    const row = manager.getByTestId('managed-mission').filter({ hasText: TITLE });
    expect(await row.getAttribute('data-phase')).toBe('draft');
    await row.getByTestId('mission-publish').click();
    await manager
      .locator('[data-testid="managed-mission"][data-phase="active"]')
      .filter({ hasText: TITLE })
      .waitFor();

    const kai = await logIn(f.browser, f.app.url, KAI, { device: PHONE });
    const before = await earnedThisMonth(kai);
    await kai.goto('/');
    await kai.getByRole('button', { name: 'Open menu' }).click();
    await kai.getByTestId('nav-missions').click();
    const card = kai.getByTestId('mission-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.textContent()).toContain('15 points');
    expect(await card.locator('.value-chip').textContent()).toContain('Warm Welcome');
    expect(await card.getByTestId('mission-progress').textContent()).toContain('Done 0 of 1');
    expect(await noSideways(kai)).toBeLessThanOrEqual(0);
    await card.getByLabel('What did you do?').fill('“Best croissant in town, and such a smile!”');
    await card.getByTestId('mission-submit').click();
    await kai.getByTestId('toast').filter({ hasText: 'Handed in' }).waitFor();
    const mine = kai.getByTestId('my-submission').filter({ hasText: TITLE });
    expect(await mine.getAttribute('data-status')).toBe('pending');
    expect(await card.getByTestId('mission-closed-note').textContent()).toContain('Waiting');

    await manager.goto('/manage/missions');
    expect(await manager.getByTestId('approvals-count').textContent()).toContain('1');
    await manager.getByTestId('approvals-link').click();
    const item = manager.getByTestId('approval-item').filter({ hasText: 'Kai Baker' });
    expect(await item.getByTestId('approval-text').textContent()).toContain('Best croissant');
    await item.getByTestId('approve').click();
    await manager.getByTestId('toast').filter({ hasText: 'Approved' }).waitFor();
    await manager.getByTestId('empty-state').filter({ hasText: 'Nothing waiting' }).waitFor();

    await kai.reload();
    expect(await mine.getAttribute('data-status')).toBe('approved');
    expect(await mine.textContent()).toContain('+15 points');
    expect(await earnedThisMonth(kai)).toBe(before + 15);
    expect(await noSideways(kai)).toBeLessThanOrEqual(0);
    // His first mission earns the starter badge on its own; the profile shows it, and what is next.
    await until(
      async () => {
        await kai.reload();
        return (
          (await kai
            .getByTestId('earned-badge')
            .filter({ hasText: 'Mission Accomplished' })
            .count()) === 1
        );
      },
      10_000,
      'Mission Accomplished on Kai’s profile',
    );
    expect(await kai.getByTestId('badge-progress').count()).toBeGreaterThan(0);
  });

  it('takes photo evidence from a phone: the manager sees the photo, approves, and the points and the TV move', async () => {
    const TITLE = 'Photograph the new window';
    const manager = await logIn(f.browser, f.app.url, MIA);
    await manager.goto('/manage/missions/new');
    const editor = manager.getByTestId('mission-form');
    await editor.getByLabel('Title').fill(TITLE);
    await editor.getByLabel('Points', { exact: true }).fill('12');
    await editor.getByLabel('What to hand in').selectOption('photo');
    await editor.getByTestId('mission-save').click();
    await manager.getByTestId('mission-saved').waitFor();
    await manager
      .getByTestId('managed-mission')
      .filter({ hasText: TITLE })
      .getByTestId('mission-publish')
      .click();
    await manager
      .locator('[data-testid="managed-mission"][data-phase="active"]')
      .filter({ hasText: TITLE })
      .waitFor();

    // The team's TV, on its missions panel.
    const screen = await api<CreatedDisplayDto>(
      f.app.url,
      'POST',
      'displays',
      // Not public-safe: the staff screen's name style ("Kai B.").
      { name: 'Counter TV', scope: 'team', teamId, panels: ['missions'], publicSafe: false },
      bakery.rosa.token,
    );
    const tvContext = await f.browser.newContext({
      baseURL: f.app.url,
      viewport: { width: 1920, height: 1080 },
    });
    const tv = await tvContext.newPage();
    await tv.goto(new URL(screen.url).pathname);
    await tv.locator('[data-testid="tv"][data-live="connected"]').waitFor({ timeout: 10_000 });
    const tvMission = tv.getByTestId('tv-panel-missions').locator('li').filter({ hasText: TITLE });
    await tvMission.waitFor();

    const kai = await logIn(f.browser, f.app.url, KAI, { device: PHONE });
    const before = await earnedThisMonth(kai);
    await kai.goto('/missions');
    const card = kai.getByTestId('mission-card').filter({ hasText: TITLE });
    const photo = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: '#b45309' },
    })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Kai', Copyright: 'Corner Bakery' } })
      .toBuffer();
    await card
      .getByTestId('mission-photo')
      .setInputFiles({ name: 'window.jpg', mimeType: 'image/jpeg', buffer: photo });
    await card.getByLabel('A few words (optional)').fill('Pumpkins and fairy lights');
    await card.getByTestId('mission-submit').click();
    await kai.getByTestId('toast').filter({ hasText: 'Handed in' }).waitFor();
    expect(await noSideways(kai)).toBeLessThanOrEqual(0);

    await manager.goto('/manage/approvals');
    const item = manager.getByTestId('approval-item').filter({ hasText: TITLE });
    const image = item.getByTestId('approval-photo');
    await image.waitFor();
    // The photo loads for the manager (the API's file, re-encoded: 1200 px wide).
    await manager.waitForFunction(
      (img) =>
        (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 1200,
      await image.elementHandle(),
    );
    await item.getByTestId('approve').click();
    await manager.getByTestId('toast').filter({ hasText: 'Approved' }).waitFor();

    expect(await earnedThisMonth(kai)).toBe(before + 12);
    await tvMission.getByTestId('tv-mission-done').filter({ hasText: 'Kai B.' }).waitFor();
    await tvContext.close();
  });

  it('builds a knowledge check without JavaScript; the employee fails it, then passes', async () => {
    const TITLE = 'Autumn menu check';
    const manager = await logIn(f.browser, f.app.url, MIA, { javaScript: false });
    await manager.goto('/manage/missions/new');
    const editor = manager.getByTestId('mission-form');
    await editor.getByLabel('Title').fill(TITLE);
    await editor.getByLabel('Points', { exact: true }).fill('30');
    await editor.getByLabel('Knowledge check').check();
    // Five empty slots of four options; the third question and unused options stay empty.
    const q = (n: number, part: string) => editor.locator(`[name="quiz.questions.${n}.${part}"]`);
    await q(0, 'text').fill('Which soup is new this month?');
    await q(0, 'options.0').fill('Pumpkin');
    await q(0, 'options.1').fill('Tomato');
    await q(0, 'options.2').fill('Leek');
    await editor.locator('[name="quiz.questions.0.correct"][value="0"]').check();
    await q(1, 'text').fill('Which are vegan?');
    await q(1, 'options.0').fill('Pumpkin soup');
    await q(1, 'options.1').fill('Cheese toastie');
    await q(1, 'options.3').fill('Oat latte');
    // No right answer ticked for question 2: the API says so at that question.
    await editor.getByTestId('mission-save').click();
    const second = manager.getByTestId('builder-question').nth(1);
    await second.locator('.field-error').waitFor();
    expect(await second.locator('.field-error').textContent()).toContain('Choose at least one');
    expect(await q(1, 'options.3').inputValue()).toBe('Oat latte');
    expect(await editor.getByLabel('Title').inputValue()).toBe(TITLE);
    await editor.locator('[name="quiz.questions.1.correct"][value="0"]').check();
    await editor.locator('[name="quiz.questions.1.correct"][value="3"]').check();
    await editor.getByTestId('mission-save').click();
    await manager.getByTestId('mission-saved').waitFor();
    await manager
      .getByTestId('managed-mission')
      .filter({ hasText: TITLE })
      .getByTestId('mission-publish')
      .click();
    await manager
      .locator('[data-testid="managed-mission"][data-phase="active"]')
      .filter({ hasText: TITLE })
      .waitFor();

    const kai = await logIn(f.browser, f.app.url, KAI);
    const before = await earnedThisMonth(kai);
    await kai.goto('/missions');
    await kai
      .getByTestId('mission-card')
      .filter({ hasText: TITLE })
      .getByTestId('mission-quiz-link')
      .click();
    const quiz = kai.getByTestId('quiz-form');
    const [soup, vegan] = [0, 1].map((i) => quiz.getByTestId('quiz-question').nth(i));
    await vegan.waitFor();
    expect(await soup.getByRole('radio').count()).toBe(3);
    expect(await vegan.getByRole('checkbox').count()).toBe(3);
    await soup.getByLabel('Pumpkin').check();
    await vegan.getByLabel('Cheese toastie').check();
    await quiz.getByTestId('quiz-submit').click();
    const result = kai.locator('[data-testid="quiz-result"][data-passed="false"]');
    await result.waitFor();
    expect(await result.textContent()).toContain('You scored 50%');
    expect(await result.textContent()).toContain('1 attempt left');

    await vegan.getByLabel('Cheese toastie').uncheck();
    await vegan.getByLabel('Pumpkin soup').check();
    await vegan.getByLabel('Oat latte').check();
    await quiz.getByTestId('quiz-submit').click();
    const passed = kai.locator('[data-testid="quiz-result"][data-passed="true"]');
    await passed.waitFor();
    expect(await passed.getByTestId('quiz-points').textContent()).toContain('30 points');
    expect(await earnedThisMonth(kai)).toBe(before + 30);
    await kai.goto('/missions');
    const statuses = await kai
      .getByTestId('my-submission')
      .filter({ hasText: TITLE })
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses).toEqual(['approved', 'failed']);
  });

  it('hands in a link and marks one done without JavaScript; a rejection tells the member why', async () => {
    const TITLE = 'Post a photo of the window display';
    const created = await api<{ id: string }>(
      f.app.url,
      'POST',
      'missions',
      { title: TITLE, points: 10, teamIds: [teamId], kind: 'evidence', evidence: 'link' },
      mia.token,
    );
    await api(f.app.url, 'POST', `missions/${created.id}/publish`, undefined, mia.token);
    const kai = await logIn(f.browser, f.app.url, KAI, { javaScript: false, device: PHONE });
    await kai.goto('/missions');
    const card = kai.getByTestId('mission-card').filter({ hasText: TITLE });
    await card.getByLabel('Link').fill('https://photos.example/window.jpg');
    await card.getByTestId('mission-submit').click();
    await kai.getByTestId('toast').filter({ hasText: 'Handed in' }).waitFor();
    expect(
      await kai.getByTestId('my-submission').filter({ hasText: TITLE }).getAttribute('data-status'),
    ).toBe('pending');

    // One that asks for nothing is done at once.
    const selfDeclared = await api<{ id: string }>(
      f.app.url,
      'POST',
      'missions',
      {
        title: 'Wipe the counter at close',
        points: 5,
        teamIds: [teamId],
        kind: 'evidence',
        evidence: 'none',
      },
      mia.token,
    );
    await api(f.app.url, 'POST', `missions/${selfDeclared.id}/publish`, undefined, mia.token);
    await kai.goto('/missions');
    await kai
      .getByTestId('mission-card')
      .filter({ hasText: 'Wipe the counter' })
      .getByRole('button', { name: 'Mark as done' })
      .click();
    await kai.getByTestId('toast').filter({ hasText: 'The points are yours' }).waitFor();
    expect(
      await kai
        .getByTestId('my-submission')
        .filter({ hasText: 'Wipe the counter' })
        .getAttribute('data-status'),
    ).toBe('approved');

    const manager = await logIn(f.browser, f.app.url, MIA, { javaScript: false });
    await manager.goto('/manage/approvals');
    const item = manager.getByTestId('approval-item').filter({ hasText: TITLE });
    const link = item.getByTestId('approval-url');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await link.getAttribute('target')).toBe('_blank');
    await item
      .getByLabel('Reason to send it back')
      .fill('The photo is of the kitchen, not the window.');
    await item.getByTestId('reject').click();
    await manager.getByTestId('toast').filter({ hasText: 'Sent back' }).waitFor();

    await kai.goto('/missions');
    const mine = kai.getByTestId('my-submission').filter({ hasText: TITLE });
    expect(await mine.getAttribute('data-status')).toBe('rejected');
    expect(await mine.getByTestId('submission-reason').textContent()).toContain('not the window');

    // In Arabic the page runs right to left, still without sideways scrolling on the phone.
    await api(f.app.url, 'PATCH', 'me', { locale: 'ar' }, bakery.kai.token);
    await kai.goto('/missions');
    expect(await kai.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await mine.getByTestId('submission-status').textContent()).toContain('مرفوض');
    expect(await noSideways(kai)).toBeLessThanOrEqual(0);
    await api(f.app.url, 'PATCH', 'me', { locale: 'en' }, bakery.kai.token);
  });

  it('repeats a running mission as next month’s draft; a started one refuses changes', async () => {
    const TITLE = 'Share a compliment a guest gave you';
    const manager = await logIn(f.browser, f.app.url, MIA);
    await manager.goto('/manage/missions');
    const running = manager
      .locator('[data-testid="managed-mission"][data-phase="active"]')
      .filter({ hasText: TITLE });
    await running.getByTestId('mission-repeat').click();
    await manager.getByTestId('toast').filter({ hasText: 'next month' }).waitFor();
    await manager
      .locator('[data-testid="managed-mission"][data-phase="draft"]')
      .filter({ hasText: TITLE })
      .waitFor();

    await running.getByRole('link', { name: TITLE }).click();
    await manager.getByTestId('mission-started-note').waitFor();
    const editor = manager.getByTestId('mission-form');
    await editor.getByLabel('Title').fill(`${TITLE}!`);
    await editor.getByTestId('mission-save').click();
    expect(await editor.getByTestId('form-error').textContent()).toContain(
      'This mission has started',
    );
    expect(await editor.getByLabel('Title').inputValue()).toBe(`${TITLE}!`);
  });
});
