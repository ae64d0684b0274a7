import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { LIMITS, type KudosDto } from '@bravo/shared';
import { startBrowserFixture, type BrowserFixture } from './app-fixture';
import {
  deactivateStarterBadges,
  KAI,
  api,
  logIn,
  openGiveForm,
  setUpCornerBakery,
  type CornerBakery,
} from './corner-bakery';

/**
 * What the feed's scripts fetch from the web's own JSON endpoints (`/data/…`),
 * with JavaScript on: older kudos, a kudos' comments, and colleagues beyond
 * the first page the server renders.
 */
describe('the feed’s same-origin data endpoints in the browser', () => {
  let f: BrowserFixture;
  let org: CornerBakery;
  /** Kai's kudos to Rosa, oldest first. */
  const given: KudosDto[] = [];
  const KUDOS = LIMITS.feedFirstPage + 5;
  // More colleagues than the server renders into the page (LIMITS.pageSizeMax), and one
  // whose name sorts after all of them.
  const CROWD = LIMITS.pageSizeMax + 20;

  beforeAll(async () => {
    f = await startBrowserFixture();
    org = await setUpCornerBakery(f.app.url);
    // Pages of kudos only: the starter badges off, so no badge card lands between them
    // (badge cards in the feed have their own tests, in badges.browser-spec.ts).
    await deactivateStarterBadges(f.app.url, org.rosa.token);
    for (let i = 1; i <= KUDOS; i++) {
      given.push(
        await api<KudosDto>(
          f.app.url,
          'POST',
          'kudos',
          {
            recipientIds: [org.rosa.member.id],
            valueId: org.valueId,
            message: `Kudos number ${i} for the early shift`,
            points: 0,
          },
          org.kai.token,
        ),
      );
    }
    // No API makes a few hundred members quickly (each needs an invitation and a password).
    const db = new Client({ connectionString: f.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO members (organization_id, name, email, password_hash, role)
         SELECT $1::uuid, 'Colleague ' || lpad(n::text, 3, '0'), 'colleague' || n || '@corner.example', 'x', 'employee'
         FROM generate_series(1, $2::int) AS n
         UNION ALL SELECT $1::uuid, 'Zelda Quinn', 'zelda@corner.example', 'x', 'employee'`,
        [org.organizationId, CROWD],
      );
    } finally {
      await db.end();
    }
  });
  afterAll(() => f?.close());

  let kai: Page;
  beforeEach(async () => (kai = await logIn(f.browser, f.app.url, KAI)));
  afterEach(() => kai?.context().close());

  const messages = (page: Page) => page.getByTestId('kudos-message').allTextContents();

  it('"Load more" appends the older kudos below the first page', async () => {
    const newestFirst = given.map((kudos) => kudos.message).reverse();
    expect(await messages(kai)).toEqual(newestFirst.slice(0, LIMITS.feedFirstPage));

    const older = kai.waitForResponse((r) => new URL(r.url()).pathname === '/data/feed');
    await kai.getByTestId('load-more').click();
    expect((await older).status()).toBe(200);
    await kai
      .getByTestId('kudos-card')
      .nth(KUDOS - 1)
      .waitFor();
    expect(await messages(kai)).toEqual(newestFirst);
    // The end of the feed: nothing more to load, and the page did not navigate.
    await kai.getByTestId('load-more').waitFor({ state: 'detached' });
    expect(new URL(kai.url()).search).toBe('');
  });

  it("opening a kudos' comments shows them", async () => {
    const kudos = given[given.length - 1];
    for (const body of ['Well deserved, Rosa!', 'The queue vanished in minutes.']) {
      await api(f.app.url, 'POST', `kudos/${kudos.id}/comments`, { body }, org.rosa.token);
    }
    const card = kai.locator(`[data-kudos-id="${kudos.id}"]`);
    const thread = kai.waitForResponse(
      (r) => new URL(r.url()).pathname === `/data/kudos/${kudos.id}/comments`,
    );
    await card.getByTestId('comments-toggle').click();
    expect((await thread).status()).toBe(200);
    await card.getByTestId('comment').nth(1).waitFor();
    expect(await card.getByTestId('comment').allTextContents()).toEqual([
      expect.stringContaining('Well deserved, Rosa!'),
      expect.stringContaining('The queue vanished in minutes.'),
    ]);
  });

  it('colleague search finds someone beyond the first page of a large organisation', async () => {
    const form = await openGiveForm(kai);
    const search = kai.waitForResponse((r) => new URL(r.url()).pathname === '/data/colleagues');
    await form.getByTestId('recipient-search').fill('Zelda');
    expect((await search).status()).toBe(200);
    await form.getByTestId('recipient-option').filter({ hasText: 'Zelda Quinn' }).waitFor();
    await form.getByTestId('recipient-search').press('Enter');
    expect(await form.getByTestId('recipient-chip').allTextContents()).toEqual([
      expect.stringContaining('Zelda Quinn'),
    ]);
    // The search spans the organisation but never offers the caller.
    const self = await kai.request.get('/data/colleagues?q=Kai');
    expect(await self.json()).toEqual([]);
  });

  it('answers a malformed parameter with 400 in the error shape, and a visitor with 401', async () => {
    for (const path of [
      '/data/feed?cursor=not%20a%20cursor',
      '/data/feed?valueId=42',
      `/data/feed?limit=${LIMITS.feedPageMax + 1}`,
      '/data/kudos/not-an-id/comments',
      '/data/colleagues?q=%00',
      `/data/colleagues?q=${'a'.repeat(LIMITS.searchQueryMax + 1)}`,
    ]) {
      const response = await kai.request.get(path);
      expect({ path, status: response.status() }).toEqual({ path, status: 400 });
      expect(await response.json()).toEqual({
        statusCode: 400,
        code: 'validation_failed',
        message: expect.any(String),
        details: [
          { field: expect.any(String), code: expect.any(String), params: expect.any(Object) },
        ],
      });
    }
    const visitor = await fetch(new URL('/data/feed', f.app.url));
    expect(visitor.status).toBe(401);
    expect(await visitor.json()).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
  });
});
