import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

describe('the feed', () => {
  const clock = new ManualClock(new Date('2026-06-02T09:00:00Z'));
  let t: TestApp;
  let org: OrgFixture;
  let second: string;
  const as = (who: string) => ({ token: org.people[who].token });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['North', 'South'],
      people: { ana: {}, ben: {}, cat: { team: 1 } },
      rules: { maxShareToOneRecipientPercent: 100, maxKudosPerDay: 100 },
    });
    second = (
      await t.api.call('POST', '/api/v1/values', {
        token: org.admin.token,
        body: { name: 'Be Kind', hashtag: 'BeKind' },
      })
    ).body.id;
    for (let i = 0; i < 25; i++) {
      clock.advance(60_000);
      const to = i % 2 === 0 ? 'ben' : 'cat';
      const res = await t.api.call('POST', '/api/v1/kudos', {
        ...as('ana'),
        body: {
          recipientIds: [org.people[to].member.id],
          valueId: i % 5 === 0 ? second : org.valueId,
          message: `Thank you, number ${i}`,
          points: 1,
        },
      });
      expect(res.status).toBe(201);
      if (i % 3 === 0) {
        await t.api.call('POST', `/api/v1/kudos/${res.body.id}/reactions`, {
          ...as('ben'),
          body: { emoji: '👏' },
        });
        await t.api.call('POST', `/api/v1/kudos/${res.body.id}/comments`, {
          ...as('cat'),
          body: { body: 'Nice' },
        });
      }
    }
  });
  afterAll(() => t.close());

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10';
      const page = await t.api.call('GET', `/api/v1/kudos${query}`, as('ben'));
      seen.push(...page.body.items.map((k: { message: string }) => k.message));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(seen[0]).toBe('Thank you, number 24');
    expect(seen[24]).toBe('Thank you, number 0');
    expect(new Set(seen).size).toBe(25);
  });

  it('filters by value, team and member', async () => {
    const byValue = await t.api.call('GET', `/api/v1/kudos?valueId=${second}&limit=50`, as('ben'));
    expect(byValue.body.items).toHaveLength(5);
    const south = await t.api.call(
      'GET',
      `/api/v1/kudos?teamId=${org.teams[1].id}&limit=50`,
      as('ben'),
    );
    expect(
      south.body.items.every(
        (k: { recipients: { name: string }[] }) => k.recipients[0].name === 'cat',
      ),
    ).toBe(true);
    expect(south.body.items).toHaveLength(12);
    const ben = await t.api.call(
      'GET',
      `/api/v1/kudos?memberId=${org.people.ben.member.id}&limit=50`,
      as('cat'),
    );
    expect(ben.body.items).toHaveLength(13);
  });

  it('carries reactions and comment counts', async () => {
    const page = await t.api.call('GET', '/api/v1/kudos?limit=50', as('ben'));
    const first = page.body.items.find(
      (k: { message: string }) => k.message === 'Thank you, number 0',
    );
    expect(first).toMatchObject({
      commentCount: 1,
      reactions: [{ emoji: '👏', count: 1, mine: true }],
    });
  });

  it('costs the same number of queries for 2 items as for 20 (no N+1)', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    // Live pushes read through a pool of their own: count the main pool's queries only,
    // and take the quietest of three reads for each size (caches expire meanwhile).
    const count = async (limit: number) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        spy.mockClear();
        const res = await t.api.call('GET', `/api/v1/kudos?limit=${limit}`, as('ben'));
        expect(res.body.items).toHaveLength(limit);
        counts.push(
          spy.mock.contexts.filter((runner) => (runner as PostgresQueryRunner).connection === t.db)
            .length,
        );
      }
      return Math.min(...counts);
    };
    try {
      const small = await count(2);
      const large = await count(20);
      expect(large).toBe(small);
      expect(small).toBeLessThanOrEqual(8);
      expect(small).toBeGreaterThan(0); // the filter does see the feed's queries
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects a forged cursor with a 400', async () => {
    const res = await t.api.call('GET', '/api/v1/kudos?cursor=garbage', as('ben'));
    expect(res).toMatchObject({ status: 400, body: { details: [{ field: 'cursor' }] } });
  });
});
