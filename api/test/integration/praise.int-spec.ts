import { PraiseContactPurge } from '../../src/praise/praise-contact-purge';
import { TrackedMissions } from '../../src/missions/tracked-missions.service';
import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

const NOW = '2026-12-10T12:00:00Z';

describe('customer praise over HTTP', () => {
  let t: TestApp;
  let org: OrgFixture;
  const clock = new ManualClock(new Date(NOW));

  const as = (handle: string) => ({ token: org.people[handle].token });
  const id = (handle: string) => org.people[handle].member.id;
  const harbour = () => org.teams[0].id;
  const oldTown = () => org.teams[1].id;

  async function ledger(handle: string, account: 'earned' | 'given', source?: string) {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT coalesce(sum(amount), 0)::int AS n FROM ledger_entries
        WHERE member_id = $1 AND account = $2 AND ($3::text IS NULL OR source_type = $3)`,
      [id(handle), account, source ?? null],
    );
    return row.n;
  }

  const count = async (where = 'TRUE') =>
    (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM praise WHERE ${where}`))[0]
      .n;

  const record = (handle: string, body: Record<string, unknown>) =>
    t.api.call('POST', '/api/v1/praise', {
      ...as(handle),
      body: { memberIds: [], channel: 'in_store', text: 'Lovely service today', ...body },
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        otto: { role: 'manager', team: 1, manages: [1] },
        ana: { team: 0 },
        cat: { team: 0 },
        ben: { team: 1 },
      },
    });
  });
  afterAll(() => t.close());

  it('records praise as pending; only its team’s manager approves it, once, from the company', async () => {
    const sent = await record('cat', {
      memberIds: [id('ana')],
      text: 'Ana remembered my order from last week!',
      rating: 5,
      customerName: 'Marta',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'pending',
      teamId: harbour(),
      members: [{ id: id('ana') }],
      recordedBy: { id: id('cat') },
      points: 0,
    });
    const before = {
      ana: await ledger('ana', 'earned', 'praise'),
      given: await ledger('cat', 'given'),
    };

    const url = `/api/v1/praise/${sent.body.id}/approve`;
    const body = { valueId: org.valueId };
    expect((await t.api.call('POST', url, { ...as('otto'), body })).status).toBe(403);
    expect((await t.api.call('POST', url, { ...as('ana'), body })).status).toBe(403);
    // Old Town's manager does not see it in their queue either.
    const theirs = await t.api.call('GET', '/api/v1/praise/pending', as('otto'));
    expect(theirs.body.map((p: { id: string }) => p.id)).not.toContain(sent.body.id);
    const mine = await t.api.call('GET', '/api/v1/praise/pending', as('boss'));
    expect(mine.body.map((p: { id: string }) => p.id)).toContain(sent.body.id);

    const key = { 'Idempotency-Key': 'approve-ana-praise' };
    const [first, again] = await Promise.all([
      t.api.call('POST', url, { ...as('boss'), body, headers: key }),
      t.api.call('POST', url, { ...as('boss'), body, headers: key }),
    ]);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      status: 'approved',
      points: 25,
      value: { id: org.valueId },
    });
    const third = await t.api.call('POST', url, { ...as('boss'), body });
    expect(third.status).toBe(409);

    expect(await ledger('ana', 'earned', 'praise')).toBe(before.ana + 25);
    // From the company: nobody's allowance paid for it.
    expect(await ledger('cat', 'given')).toBe(before.given);
    expect(await ledger('boss', 'given')).toBe(0);
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true, drift: [] });
  });

  it('lets nobody review praise they recorded or that names them, and refuses bad input', async () => {
    const own = await record('boss', { memberIds: [id('cat')] });
    expect(
      (
        await t.api.call('POST', `/api/v1/praise/${own.body.id}/approve`, {
          ...as('boss'),
          body: { valueId: org.valueId },
        })
      ).status,
    ).toBe(403);
    const before = await count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ text: 'hi' }, 'text', 'too_short'],
      [{ text: 'x'.repeat(1001) }, 'text', 'too_long'],
      [{ rating: 6 }, 'rating', 'too_large'],
      [{ channel: 'carrier_pigeon' }, 'channel', 'invalid_choice'],
      [{ memberIds: ['0b8f3f0e-7d5c-4c55-9a7e-3f1d2c0e9a11'] }, 'memberIds.0', 'unknown_recipient'],
      [{ teamId: '0b8f3f0e-7d5c-4c55-9a7e-3f1d2c0e9a11' }, 'teamId', 'unknown_team'],
    ];
    for (const [change, field, code] of cases) {
      const res = await record('cat', change);
      expect({ change, status: res.status }).toEqual({ change, status: 400 });
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
    }
    expect(await count()).toBe(before);
  });

  it('flags the same words for the same team within 30 days as a near-duplicate', async () => {
    const first = await record('ana', { text: 'The best flat white in town.' });
    const second = await record('cat', { text: 'the best  FLAT WHITE in town' });
    const elsewhere = await record('ben', { text: 'The best flat white in town.' });
    const queue = await t.api.call('GET', '/api/v1/praise/pending', { token: org.admin.token });
    const byId = new Map(queue.body.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(first.body.id)).toMatchObject({ duplicateOfId: null });
    expect(byId.get(second.body.id)).toMatchObject({ duplicateOfId: first.body.id });
    expect(byId.get(elsewhere.body.id)).toMatchObject({ duplicateOfId: null, teamId: oldTown() });
  });

  it('counts approved praise for a tracked mission: "collect customer stories"', async () => {
    const mission = await t.api.call('POST', '/api/v1/missions', {
      ...as('boss'),
      body: {
        title: 'Collect a customer story',
        points: 9,
        teamIds: [harbour()],
        kind: 'tracked',
        tracked: { metric: 'praise_approved', threshold: 1 },
      },
    });
    await t.api.call('POST', `/api/v1/missions/${mission.body.id}/publish`, as('boss'));
    const tracked = t.app.get(TrackedMissions);
    await tracked.idle();
    const story = await record('ana', { memberIds: [id('cat')], text: 'Cat found my lost scarf' });
    expect(
      (await t.api.call('GET', `/api/v1/missions/${mission.body.id}`, as('cat'))).body.progress,
    ).toMatchObject({ completions: 0, tracked: { value: 0, threshold: 1 } });
    await t.api.call('POST', `/api/v1/praise/${story.body.id}/approve`, {
      ...as('boss'),
      body: { valueId: org.valueId },
    });
    await tracked.idle();
    const view = await t.api.call('GET', `/api/v1/missions/${mission.body.id}`, as('cat'));
    expect(view.body.progress).toMatchObject({
      completions: 1,
      tracked: { value: 1, threshold: 1 },
    });
    expect(await ledger('cat', 'earned', 'mission')).toBe(9);
  });

  describe('the public page', () => {
    let code: string;
    const page = () => t.api.call('GET', `/api/v1/public/praise-pages/${code}`);
    const send = (body: Record<string, unknown>) =>
      t.api.call('POST', `/api/v1/public/praise-pages/${code}`, { body });

    beforeAll(async () => {
      const made = await t.api.call('GET', `/api/v1/praise/pages/${harbour()}`, as('boss'));
      expect(made.status).toBe(200);
      code = made.body.code;
      // Asking again keeps the printed poster's code; another team's manager may not ask.
      expect(
        (await t.api.call('GET', `/api/v1/praise/pages/${harbour()}`, as('boss'))).body,
      ).toEqual({
        code,
        // The poster's QR code: the page's absolute address.
        url: expect.stringMatching(new RegExp(`^https?://[^/]+/p/${code}$`)),
      });
      expect(
        (await t.api.call('GET', `/api/v1/praise/pages/${harbour()}`, as('otto'))).status,
      ).toBe(403);
    });

    it('shows first names only, takes a story as pending, and drops bots as if it took theirs', async () => {
      const shown = await page();
      expect(shown.status).toBe(200);
      expect(shown.body.teamName).toBe('Harbour');
      expect(shown.body.members.map((m: { id: string }) => m.id).sort()).toEqual(
        [id('ana'), id('boss'), id('cat')].sort(),
      );
      for (const m of shown.body.members) {
        expect(Object.keys(m).sort()).toEqual(['firstName', 'id']);
      }
      expect((await t.api.call('GET', '/api/v1/public/praise-pages/nosuchpage')).status).toBe(404);

      const startedAt = shown.body.startedAt as number;
      const before = await count();
      // A trap filled in, or sent back at once: the same answer, nothing kept.
      const trap = await send({ text: 'Buy cheap watches', startedAt, website: 'http://x' });
      const instant = await send({ text: 'Instant praise', startedAt });
      expect([trap.status, instant.status]).toEqual([202, 202]);
      expect(trap.body).toEqual(instant.body);
      expect(await count()).toBe(before);

      clock.advance(20_000);
      const markup = '<script>alert(1)</script> Ana was <b>great</b> http://spam.example';
      const kept = await send({
        text: markup,
        memberId: id('ana'),
        rating: 4,
        customerName: 'Jo',
        contact: 'jo@example.com',
        startedAt,
      });
      expect(kept.status).toBe(202);
      expect(kept.body).toEqual(trap.body);
      const noConsent = await send({ text: 'Thanks Cat!', contact: '0123 456', startedAt });
      expect(noConsent.status).toBe(202);
      const withConsent = await send({
        text: 'Thanks again, Cat!',
        contact: '0123 456',
        consent: true,
        startedAt,
      });
      expect(withConsent.status).toBe(202);
      expect(await count()).toBe(before + 3);

      const queue = await t.api.call('GET', '/api/v1/praise/pending', as('boss'));
      const stored = queue.body.find((p: { text: string }) => p.text === markup);
      // Stored as typed (inert): the web renders it as text.
      expect(stored).toMatchObject({
        channel: 'qr_code',
        status: 'pending',
        recordedBy: null,
        members: [{ id: id('ana') }],
        contact: null,
      });
      const contacts = queue.body
        .filter((p: { text: string }) => p.text.startsWith('Thanks'))
        .map((p: { contact: string | null }) => p.contact)
        .sort();
      expect(contacts).toEqual(['0123 456', null]);
      // Nothing is approved, so nothing has paid anyone.
      expect(await count(`status <> 'pending' AND channel = 'qr_code'`)).toBe(0);
    });

    it('purges contact details after the retention period', async () => {
      const purge = t.app.get(PraiseContactPurge);
      expect(await purge.purge()).toBe(0);
      expect(await count('contact IS NOT NULL')).toBe(1);
      clock.advance(91 * 86_400_000);
      expect(await purge.purge()).toBe(1);
      expect(await count('contact IS NOT NULL')).toBe(0);
      clock.set(new Date(NOW));
    });

    it('refuses the 11th story from one address within the window', async () => {
      const { startedAt } = (await page()).body as { startedAt: number };
      clock.advance(10_000);
      // This address sent 5 in the test before: 5 more are taken, the next is refused.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await send({ text: `Story number ${i}`, startedAt })).status);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      const refused = await send({ text: 'One more', startedAt });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'too_many_attempts' });
    });
  });
});
