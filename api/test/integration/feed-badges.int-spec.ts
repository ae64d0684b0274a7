import type { BadgeFeedCardDto, FeedItemDto, FeedPageDto } from '@bravo/shared';
import { BadgeEvaluationQueue } from '../../src/badges/badge-evaluation.queue';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

/** What a feed item is, readably: a kudos by its message, a card by badge and count. */
const label = (item: FeedItemDto): string =>
  item.kind === 'kudos'
    ? item.kudos.message
    : item.kind === 'badge'
      ? `${item.award.badge.name} ×${item.award.count}`
      : item.praise.text;

describe('the home feed: kudos and badge cards', () => {
  const clock = new ManualClock(new Date('2026-06-02T09:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  let kindValue: string;
  const sockets: LiveClient[] = [];

  const call = <T = unknown>(
    o: OrgFixture,
    who: string,
    method: string,
    path: string,
    body?: unknown,
  ) =>
    t.api.call<T>(method, `/api/v1${path}`, {
      token: who === 'admin' ? o.admin.token : o.people[who].token,
      body,
    });
  const settled = () => t.app.get(BadgeEvaluationQueue).idle();
  const give = async (o: OrgFixture, to: string, message: string, valueId = o.valueId) => {
    clock.advance(60_000);
    const res = await call(o, 'ana', 'POST', '/kudos', {
      recipientIds: [o.people[to].member.id],
      valueId,
      message,
      points: 1,
    });
    expect(res.status).toBe(201);
    await settled();
  };
  /** A badge created now: awarded backwards, in one run, to all who qualify; then turned off. */
  const retroBadge = async (o: OrgFixture, body: Record<string, unknown>) => {
    const res = await call<{ id: string }>(o, 'admin', 'POST', '/badges', {
      icon: 'heart',
      description: `${String(body.name)} for everyone who already qualifies`,
      threshold: 1,
      window: 'all_time',
      ...body,
    });
    expect(res.status).toBe(201);
    // Off again, so later kudos award it to nobody automatically: each card here is one run.
    expect((await call(o, 'admin', 'POST', `/badges/${res.body.id}/deactivate`)).status).toBe(200);
    return res.body.id;
  };
  const turnOffStarters = async (o: OrgFixture) => {
    const list = await call<{ id: string }[]>(o, 'admin', 'GET', '/badges');
    for (const badge of list.body) {
      await call(o, 'admin', 'POST', `/badges/${badge.id}/deactivate`);
    }
  };
  const feed = async (who: string, query: string, o: OrgFixture = org): Promise<FeedPageDto> => {
    const res = await call<FeedPageDto>(o, who, 'GET', `/feed?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Every item, page by page, following nextCursor. */
  const walk = async (who: string, limit: number, filter = ''): Promise<FeedItemDto[]> => {
    const all: FeedItemDto[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await feed(who, query);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      all.push(...page.items);
      cursor = page.nextCursor;
      expect(++pages).toBeLessThan(50);
    } while (cursor);
    return all;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['North', 'South'],
      people: {
        ana: {},
        ben: {},
        cat: { team: 1 },
        dan: { team: 1 },
        eve: {},
        fay: {},
      },
      rules: { maxShareToOneRecipientPercent: 100, maxKudosPerDay: 100 },
    });
    other = await orgFixture(t, { people: { ana: {}, zed: {} } });
    await turnOffStarters(org);
    await turnOffStarters(other);
    kindValue = (
      await call<{ id: string }>(org, 'admin', 'POST', '/values', {
        name: 'Be Kind',
        hashtag: 'BeKind',
      })
    ).body.id;

    await give(org, 'ben', 'kudos 1 to ben');
    await give(org, 'cat', 'kudos 2 to cat');
    clock.advance(60_000);
    await retroBadge(org, { name: 'Early Bird', metric: 'kudos_received' });
    await give(org, 'dan', 'kudos 3 to dan');
    await give(org, 'eve', 'kudos 4 to eve');
    await give(org, 'fay', 'kudos 5 to fay');
    // Two runs at the same instant: their cards tie on time and are ordered by badge id.
    clock.advance(60_000);
    await retroBadge(org, { name: 'Crowd Pleaser', metric: 'kudos_received' });
    await retroBadge(org, { name: 'Big Hearted', metric: 'kudos_given', icon: 'gem' });
    await give(org, 'ben', 'kudos 6 to ben, kindly', kindValue);
    clock.advance(60_000);
    await retroBadge(org, {
      name: 'Kind Heart',
      metric: 'kudos_received_for_value',
      valueId: kindValue,
    });

    // Another organisation's kudos and award, at the same moments.
    await give(other, 'zed', 'kudos elsewhere');
    clock.advance(60_000);
    await retroBadge(other, { name: 'Elsewhere Badge', metric: 'kudos_received' });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('interleaves badge cards with kudos by time, one card per badge and run', async () => {
    const { items, nextCursor } = await feed('ben', 'limit=50');
    expect(nextCursor).toBeNull();
    const tied = items.filter(
      (i) => i.kind === 'badge' && ['Crowd Pleaser', 'Big Hearted'].includes(i.award.badge.name),
    ) as { kind: 'badge'; award: BadgeFeedCardDto }[];
    // Same instant: the higher badge id first (the cursor's tie-break).
    const [firstTied, secondTied] = [...tied]
      .sort((a, b) => (a.award.badge.id < b.award.badge.id ? 1 : -1))
      .map((i) => label(i));
    expect(items.map(label)).toEqual([
      'Kind Heart ×1',
      'kudos 6 to ben, kindly',
      firstTied,
      secondTied,
      'kudos 5 to fay',
      'kudos 4 to eve',
      'kudos 3 to dan',
      'Early Bird ×2',
      'kudos 2 to cat',
      'kudos 1 to ben',
    ]);
    const card = (name: string) =>
      tied
        .concat(items.filter((i) => i.kind === 'badge') as typeof tied)
        .find((i) => i.award.badge.name === name)!.award;
    // Few earners are named; many are counted, not listed.
    expect(card('Early Bird').members.map((m) => m.name)).toEqual(['ben', 'cat']);
    expect(card('Crowd Pleaser')).toMatchObject({ count: 5, members: [] });
    expect(card('Big Hearted').members.map((m) => m.name)).toEqual(['ana']);
    expect(card('Kind Heart')).toMatchObject({
      badge: {
        name: 'Kind Heart',
        icon: 'heart',
        description: 'Kind Heart for everyone who already qualifies',
        valueId: kindValue,
      },
      count: 1,
      members: [{ id: org.people.ben.member.id, name: 'ben', teamId: org.teams[0].id }],
    });
  });

  it('pages across both kinds without a repeat or a gap, at every page size', async () => {
    const full = (await feed('cat', 'limit=50')).items.map(label);
    expect(full).toHaveLength(10);
    for (const limit of [1, 2, 3, 4, 7]) {
      expect((await walk('cat', limit)).map(label)).toEqual(full);
    }
  });

  it('applies the feed’s filters to badge cards: a team counts its own earners, a value its badges', async () => {
    const south = await walk('ana', 2, `&teamId=${org.teams[1].id}`);
    expect(south.map(label)).toEqual([
      'Crowd Pleaser ×2',
      'kudos 3 to dan',
      'Early Bird ×1',
      'kudos 2 to cat',
    ]);
    const kind = await walk('ana', 1, `&valueId=${kindValue}`);
    expect(kind.map(label)).toEqual(['Kind Heart ×1', 'kudos 6 to ben, kindly']);
    const dan = await walk('ana', 1, `&memberId=${org.people.dan.member.id}`);
    expect(dan.map(label)).toEqual(['Crowd Pleaser ×1', 'kudos 3 to dan']);
  });

  it('never shows another organisation’s awards or kudos', async () => {
    const mine = await walk('ben', 3);
    expect(mine.map(label)).not.toContain('Elsewhere Badge ×1');
    expect(mine.map(label)).not.toContain('kudos elsewhere');
    const theirs = (await feed('zed', 'limit=50', other)).items.map(label);
    expect(theirs).toEqual(['Elsewhere Badge ×1', 'kudos elsewhere']);
    // A cursor made from the other organisation's card moves within the caller's own feed only.
    const first = await feed('zed', 'limit=1', other);
    expect(first.nextCursor).not.toBeNull();
    const mineAfter = await feed('ben', `limit=50&cursor=${first.nextCursor}`);
    expect(mineAfter.items.map(label)).not.toContain('kudos elsewhere');
  });

  it('refuses a cursor it did not make', async () => {
    const res = await call(org, 'ben', 'GET', '/feed?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'cursor', code: 'invalid_cursor' }],
    });
  });

  it('pushes a badge earned live as the same card the feed then reads', async () => {
    const ben = await connectLive(t.baseUrl, { token: org.people.ben.token });
    sockets.push(ben);
    const pushed = record(ben, 'badges.awarded');
    const zed = await connectLive(t.baseUrl, { token: other.people.zed.token });
    sockets.push(zed);
    const elsewhere = record(zed, 'badges.awarded');
    // An automatic award: nobody has three kudos yet; Ben's third arrives after the badge exists.
    const badge = await call<{ id: string }>(org, 'admin', 'POST', '/badges', {
      name: 'Welcome Warmly',
      icon: 'sun',
      metric: 'kudos_received',
      threshold: 3,
      window: 'all_time',
    });
    expect(badge.status).toBe(201);
    await give(org, 'ben', 'kudos 7 to ben, the third');
    await until(() => pushed.flat().length > 0, 5000, 'a badge card pushed to Ben');
    const [live] = pushed.flat();
    expect(live).toMatchObject({
      badge: { id: badge.body.id, name: 'Welcome Warmly', icon: 'sun' },
      count: 1,
      members: [{ id: org.people.ben.member.id, name: 'ben' }],
    });
    // The award and the kudos that earned it happened at the same instant: either comes first.
    const top = (await feed('ben', 'limit=2')).items;
    expect(top).toContainEqual({ kind: 'badge', award: live });
    expect(top.map(label)).toContain('kudos 7 to ben, the third');
    expect(elsewhere).toEqual([]);
  });
});
