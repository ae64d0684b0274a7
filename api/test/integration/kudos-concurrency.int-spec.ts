import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, pointSums, type OrgFixture } from '../support/org-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('200 concurrent kudos from one giver over real HTTP', () => {
  let t: TestApp;
  let org: OrgFixture;
  beforeAll(async () => {
    t = await startTestApp({ env: { DB_POOL_SIZE: '40' } });
    // Generous caps so only the allowance can stop the burst.
    org = await orgFixture(t, {
      people: { giver: {}, a: {}, b: {}, c: {}, d: {}, e: {} },
      rules: { maxKudosPerDay: 1000, maxShareToOneRecipientPercent: 100 },
    });
  });
  afterAll(() => t.close());

  it('never spends more than the allowance, and the ledger equals the totals', async () => {
    const recipients = ['a', 'b', 'c', 'd', 'e'].map((h) => org.people[h].member.id);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.api.call('POST', '/api/v1/kudos', {
          token: org.people.giver.token,
          body: {
            recipientIds: [recipients[i % 5]],
            valueId: org.valueId,
            message: `Concurrent thanks #${i}`,
            points: 3,
          },
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === 201).length;
    const refused = results.filter(
      (r) => r.status === 422 && r.body.code === 'allowance_exceeded',
    ).length;
    expect(accepted + refused).toBe(200);
    // 100 points of allowance buy exactly 33 kudos of 3 points.
    expect(accepted).toBe(33);

    const allowance = await t.api.call('GET', '/api/v1/me/allowance', {
      token: org.people.giver.token,
    });
    expect(allowance.body).toMatchObject({ total: 100, spent: 99, remaining: 1 });
    const sums = await pointSums(t);
    expect(sums.given).toBe(99);
    expect(sums.spent).toBe(99);
    expect(sums.ledger).toBe(sums.totals);
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true, drift: [] });
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM kudos');
    expect(n).toBe(33);
  });

  it('concurrent givers to overlapping recipients neither deadlock nor drift', async () => {
    const handles = ['a', 'b', 'c', 'd', 'e'];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const giver = handles[i % 5];
        const to = handles.filter((h) => h !== giver).map((h) => org.people[h].member.id);
        return t.api.call('POST', '/api/v1/kudos', {
          token: org.people[giver].token,
          body: {
            recipientIds: to,
            valueId: org.valueId,
            message: `Everyone helped #${i}`,
            points: 1,
          },
        });
      }),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    expect(results.filter((r) => r.status === 201).length).toBe(60);
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true });
  });
});
