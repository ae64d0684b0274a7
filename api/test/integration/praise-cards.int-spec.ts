import type { PraiseCardDto } from '@bravo/shared';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

interface CardPage {
  items: PraiseCardDto[];
  nextCursor: string | null;
  /** On a 400: which fields were refused. */
  details?: { field: string }[];
}

/**
 * `GET /praise/cards`: a member's approved stories for their profile, paged newest first,
 * only of the caller's organisation; and recording praise twice with one key records it once.
 */
describe('praise cards of a member (profile)', () => {
  const clock = new ManualClock(new Date('2026-07-01T09:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  /** Ben's approved stories, newest approval first. */
  const bens: string[] = [];
  let pendingId: string;

  const as = (o: OrgFixture, who: string) => ({ token: o.people[who].token });
  const id = (who: string, o: OrgFixture = org) => o.people[who].member.id;
  const record = async (o: OrgFixture, memberIds: string[], text: string) => {
    const res = await t.api.call<{ id: string }>('POST', '/api/v1/praise', {
      ...as(o, 'ana'),
      body: { memberIds, text, channel: 'phone', customerName: 'Maria Lopez' },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const approve = async (o: OrgFixture, praiseId: string) => {
    const res = await t.api.call('POST', `/api/v1/praise/${praiseId}/approve`, {
      ...as(o, 'boss'),
      body: { valueId: o.valueId },
    });
    expect(res.status).toBe(200);
  };
  const cards = (query: string, o: OrgFixture = org, who = 'cat') =>
    t.api.call<CardPage>('GET', `/api/v1/praise/cards?${query}`, as(o, who));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      people: { boss: { role: 'manager', manages: [0] }, ana: {}, ben: {}, cat: {} },
    });
    other = await orgFixture(t, {
      people: { boss: { role: 'manager', manages: [0] }, ana: {}, zed: {} },
    });
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      const praiseId = await record(org, [id('ben')], `Ben helped me, story ${i}`);
      await approve(org, praiseId);
      bens.unshift(praiseId);
    }
    clock.advance(60_000);
    await approve(org, await record(org, [id('ana')], 'Ana was lovely'));
    pendingId = await record(org, [id('ben')], 'Ben again, still pending');
    await approve(other, await record(other, [id('zed', other)], 'Zed elsewhere'));
  });
  afterAll(() => t.close());

  it('pages a member’s approved stories newest first, without repeats or pending ones', async () => {
    const first = await cards(`memberId=${id('ben')}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((c) => c.id)).toEqual(bens.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await cards(
      `memberId=${id('ben')}&limit=2&before=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    expect(second.body.items.map((c) => c.id)).toEqual(bens.slice(2));
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((c) => c.id)).not.toContain(pendingId);
    // A colleague's card: first name of the customer, never a contact.
    expect(first.body.items[0]).toMatchObject({
      customerName: 'Maria',
      members: [{ id: id('ben'), name: 'ben' }],
      value: { id: org.valueId },
      points: 25,
    });
    expect(JSON.stringify(first.body)).not.toContain('Lopez');
  });

  it('without memberId: every approved story of the organisation, and only of it', async () => {
    const all = await cards('limit=50');
    expect(all.body.items.map((c) => c.text)).toEqual([
      'Ana was lovely',
      'Ben helped me, story 2',
      'Ben helped me, story 1',
      'Ben helped me, story 0',
    ]);
  });

  it('another organisation’s member id, or another organisation asking, gets nothing', async () => {
    const theirs = await cards(`memberId=${id('zed', other)}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual({ items: [], nextCursor: null });
    const fromOutside = await cards(`memberId=${id('ben')}`, other, 'zed');
    expect(fromOutside.status).toBe(200);
    expect(fromOutside.body.items).toEqual([]);
  });

  it('refuses a limit out of bounds, a made-up position and a malformed member id', async () => {
    for (const query of ['limit=51', 'limit=0', 'limit=two']) {
      const res = await cards(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    const made = await t.api.call<{ details: { field: string }[] }>(
      'GET',
      `/api/v1/praise/cards?before=${Buffer.from('yesterday|ben').toString('base64url')}`,
      as(org, 'cat'),
    );
    expect(made.status).toBe(400);
    expect(made.body.details).toEqual([expect.objectContaining({ field: 'before' })]);
    expect((await cards('memberId=ben')).status).toBe(400);
    expect((await cards('memberId=' + id('ben') + '&extra=1')).status).toBe(400);
    const anonymous = await t.api.call('GET', `/api/v1/praise/cards?memberId=${id('ben')}`);
    expect(anonymous.status).toBe(401);
  });

  it('records praise once when the same form is sent twice with one Idempotency-Key', async () => {
    const send = () =>
      t.api.call<{ id: string }>('POST', '/api/v1/praise', {
        ...as(org, 'cat'),
        headers: { 'Idempotency-Key': 'praise-form-1' },
        body: { memberIds: [id('ben')], text: 'Sent twice by a double click', channel: 'in_store' },
      });
    const [first, again] = await Promise.all([send(), send()]);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    const queue = await t.api.call<{ text: string }[]>('GET', '/api/v1/praise/pending', {
      ...as(org, 'boss'),
    });
    expect(queue.body.filter((p) => p.text === 'Sent twice by a double click')).toHaveLength(1);
    // The same key for other words is refused, not a second story.
    const reused = await t.api.call('POST', '/api/v1/praise', {
      ...as(org, 'cat'),
      headers: { 'Idempotency-Key': 'praise-form-1' },
      body: { memberIds: [], text: 'Something else entirely', channel: 'in_store' },
    });
    expect(reused.status).toBe(422);
  });
});
