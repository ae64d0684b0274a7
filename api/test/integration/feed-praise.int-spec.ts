import type { FeedItemDto, FeedPageDto, PraiseCardDto } from '@bravo/shared';
import { BadgeEvaluationQueue } from '../../src/badges/badge-evaluation.queue';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

/** What a feed item is, readably: a kudos by its message, a badge by name, praise by its words. */
const label = (item: FeedItemDto): string =>
  item.kind === 'kudos'
    ? item.kudos.message
    : item.kind === 'badge'
      ? `badge ${item.award.badge.name}`
      : `praise ${item.praise.text}`;

/** An item's place in the feed, as the test knows it: (time, id) newest first. */
interface Known {
  label: string;
  at: number;
  id: string;
}
const newestFirst = (a: Known, b: Known) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

describe('the home feed: customer praise cards with kudos and badges', () => {
  const clock = new ManualClock(new Date('2026-07-01T09:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  let kindValue: string;
  /** Everything the organisation's feed should show, as made. */
  const made: Known[] = [];
  const approvedIds: string[] = [];
  /** What each approved story is about. */
  const about = new Map<string, { teamId: string; memberIds: string[]; valueId: string }>();
  const hidden: string[] = [];

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
  const id = (who: string, o: OrgFixture = org) => o.people[who].member.id;
  const settled = () => t.app.get(BadgeEvaluationQueue).idle();

  const give = async (to: string, message: string) => {
    const res = await call<{ id: string; createdAt: string }>(org, 'ana', 'POST', '/kudos', {
      recipientIds: [id(to)],
      valueId: org.valueId,
      message,
      points: 1,
    });
    expect(res.status).toBe(201);
    await settled();
    made.push({ label: message, at: Date.parse(res.body.createdAt), id: res.body.id });
  };
  const recordPraise = async (
    o: OrgFixture,
    who: string,
    body: { teamId: string; memberIds: string[]; text: string; customerName?: string },
  ) => {
    const res = await call<{ id: string }>(o, who, 'POST', '/praise', {
      channel: 'in_store',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const approve = async (o: OrgFixture, praiseId: string, valueId = o.valueId) => {
    const res = await call<{ reviewedAt: string }>(
      o,
      'boss',
      'POST',
      `/praise/${praiseId}/approve`,
      {
        valueId,
      },
    );
    expect(res.status).toBe(200);
    await settled();
    return Date.parse(res.body.reviewedAt);
  };
  /** Records and approves a story; it belongs in the feed. */
  const praise = async (
    body: { teamId: string; memberIds: string[]; text: string; customerName?: string },
    valueId = org.valueId,
  ) => {
    const praiseId = await recordPraise(org, 'ana', body);
    const at = await approve(org, praiseId, valueId);
    made.push({ label: `praise ${body.text}`, at, id: praiseId });
    approvedIds.push(praiseId);
    about.set(praiseId, { teamId: body.teamId, memberIds: body.memberIds, valueId });
    return praiseId;
  };
  const retroBadge = async (name: string) => {
    const res = await call<{ id: string }>(org, 'admin', 'POST', '/badges', {
      name,
      icon: 'heart',
      description: `${name} for everyone who already qualifies`,
      threshold: 1,
      window: 'all_time',
      metric: 'kudos_received',
    });
    expect(res.status).toBe(201);
    await settled();
    // Off again, so later kudos award it to nobody: one card.
    expect((await call(org, 'admin', 'POST', `/badges/${res.body.id}/deactivate`)).status).toBe(
      200,
    );
    made.push({ label: `badge ${name}`, at: clock.now().getTime(), id: res.body.id });
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
      const page = await feed(who, `limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      all.push(...page.items);
      cursor = page.nextCursor;
      expect(++pages).toBeLessThan(80);
    } while (cursor);
    return all;
  };
  const praiseIds = (items: FeedItemDto[]) =>
    items.flatMap((i) => (i.kind === 'praise' ? [i.praise.id] : []));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['North', 'South'],
      people: {
        boss: { role: 'manager', manages: [0, 1] },
        ana: {},
        ben: {},
        cat: { team: 1 },
        dan: { team: 1 },
      },
      rules: { maxShareToOneRecipientPercent: 100, maxKudosPerDay: 100 },
    });
    other = await orgFixture(t, {
      people: { boss: { role: 'manager', manages: [0] }, ana: {}, zed: {} },
    });
    await turnOffStarters(org);
    await turnOffStarters(other);
    kindValue = (
      await call<{ id: string }>(org, 'admin', 'POST', '/values', {
        name: 'Be Kind',
        hashtag: 'BeKind',
      })
    ).body.id;
    const [north, south] = org.teams.map((x) => x.id);

    clock.advance(60_000);
    await give('ben', 'kudos 1 to ben');
    await praise({ teamId: north, memberIds: [id('ben')], text: 'Ben found my size' });
    clock.advance(60_000);
    // One instant holds many of every kind: ties are ordered by id across kinds.
    for (let i = 0; i < 4; i += 1) {
      await give(i % 2 ? 'cat' : 'dan', `tied kudos ${i}`);
      await praise(
        {
          teamId: i % 2 ? south : north,
          memberIds: i % 2 ? [] : [id('ana'), id('ben')],
          text: `tied praise ${i}`,
        },
        i === 3 ? kindValue : org.valueId,
      );
    }
    await retroBadge('Tied Badge');
    clock.advance(60_000);
    await praise(
      { teamId: south, memberIds: [id('cat')], text: 'Cat was kind to my mum' },
      kindValue,
    );

    // Never shown: pending, rejected, and another organisation's approved story.
    hidden.push(
      await recordPraise(org, 'ana', {
        teamId: north,
        memberIds: [id('ben')],
        text: 'still pending',
      }),
    );
    const rejected = await recordPraise(org, 'ana', {
      teamId: north,
      memberIds: [id('ben')],
      text: 'rejected one',
    });
    expect(
      (await call(org, 'boss', 'POST', `/praise/${rejected}/reject`, { reason: 'not a customer' }))
        .status,
    ).toBe(200);
    hidden.push(rejected);
    const elsewhere = await recordPraise(other, 'ana', {
      teamId: other.teams[0].id,
      memberIds: [id('zed', other)],
      text: 'elsewhere praise',
    });
    await approve(other, elsewhere);
    hidden.push(elsewhere);
    made.sort(newestFirst);
  });
  afterAll(() => t.close());

  it('merges kudos, badge and praise cards in one order, newest approval first', async () => {
    const { items, nextCursor } = await feed('cat', 'limit=50');
    expect(nextCursor).toBeNull();
    expect(items.map(label)).toEqual(made.map((m) => m.label));
    expect(items.filter((i) => i.kind === 'praise')).toHaveLength(6);
    expect(items.filter((i) => i.kind === 'badge')).toHaveLength(1);
  });

  it('pages across all three kinds without a repeat or a gap, at every page size', async () => {
    for (const limit of [1, 2, 3, 5, 8]) {
      expect((await walk('dan', limit)).map(label)).toEqual(made.map((m) => m.label));
    }
  });

  it('filters praise by the member it names, the team it is about, the value it was approved for', async () => {
    /** The approved stories matching `keep`, in feed order. */
    const expected = (
      keep: (a: { teamId: string; memberIds: string[]; valueId: string }) => boolean,
    ) => made.filter((m) => about.has(m.id) && keep(about.get(m.id)!)).map((m) => m.id);
    const ben = praiseIds(await walk('cat', 2, `&memberId=${id('ben')}`));
    expect(ben).toEqual(expected((a) => a.memberIds.includes(id('ben'))));
    expect(ben).toHaveLength(3);
    const south = praiseIds(await walk('ana', 2, `&teamId=${org.teams[1].id}`));
    expect(south).toEqual(expected((a) => a.teamId === org.teams[1].id));
    expect(south).toHaveLength(3);
    const kind = praiseIds(await walk('ana', 1, `&valueId=${kindValue}`));
    expect(kind).toEqual(expected((a) => a.valueId === kindValue));
    expect(kind).toHaveLength(2);
  });

  it('never shows pending, rejected or another organisation’s stories', async () => {
    const seen = praiseIds(await walk('ben', 50));
    expect(seen.sort()).toEqual([...approvedIds].sort());
    for (const x of hidden) {
      expect(seen).not.toContain(x);
    }
    const theirs = praiseIds((await feed('zed', 'limit=50', other)).items);
    expect(theirs).toEqual([hidden[2]]);
    expect(theirs).not.toContain(approvedIds[0]);
  });

  it('shows the customer by first name only, and never the contact', async () => {
    const { code } = (
      await call<{ code: string }>(org, 'boss', 'GET', `/praise/pages/${org.teams[0].id}`)
    ).body;
    const page = await t.api.call<{ startedAt: number }>(
      'GET',
      `/api/v1/public/praise-pages/${code}`,
    );
    clock.advance(60_000);
    const sent = await t.api.call('POST', `/api/v1/public/praise-pages/${code}`, {
      body: {
        text: 'Wonderful help choosing a gift',
        customerName: 'Maria Lopez',
        contact: 'maria.lopez@example.com',
        consent: true,
        startedAt: page.body.startedAt,
        memberId: id('ana'),
      },
    });
    expect(sent.status).toBe(202);
    const queue = await call<{ id: string; contact: string | null; text: string }[]>(
      org,
      'boss',
      'GET',
      '/praise/pending',
    );
    const story = queue.body.find((p) => p.text === 'Wonderful help choosing a gift')!;
    expect(story.contact).toBe('maria.lopez@example.com');
    await approve(org, story.id);

    const top = (await feed('ana', 'limit=1')).items[0] as {
      kind: 'praise';
      praise: PraiseCardDto;
    };
    expect(top.kind).toBe('praise');
    expect(top.praise).toMatchObject({
      id: story.id,
      customerName: 'Maria',
      members: [{ id: id('ana'), name: 'ana' }],
      teamName: 'North',
      value: { id: org.valueId, name: 'Own It' },
      points: 25,
    });
    expect(top.praise).not.toHaveProperty('contact');
    expect(JSON.stringify(top)).not.toMatch(/maria\.lopez|Lopez/);
  });

  it('does not name a member who is no longer in the organisation', async () => {
    // Ben's record moved to another organisation: the stories about him stay, his name does not.
    await t.db.query(`UPDATE members SET organization_id = $1 WHERE id = $2`, [
      other.admin.member.organization.id,
      id('ben'),
    ]);
    const items = (await feed('cat', 'limit=50')).items;
    const named = items.flatMap((i) =>
      i.kind === 'praise' ? i.praise.members.map((m) => m.id) : [],
    );
    expect(named).toContain(id('ana'));
    expect(named).not.toContain(id('ben'));
    expect(JSON.stringify(items.filter((i) => i.kind === 'praise'))).not.toContain('"ben"');
  });
});
