import fc from 'fast-check';
import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture } from '../support/org-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** Property-based: the API's decisions match a simple model of the allowance and cap rules. */
describe('allowance and cap rules (fast-check against the real API)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const step = fc.record({
    recipients: fc.integer({ min: 1, max: 3 }),
    points: fc.integer({ min: 0, max: 50 }),
    withdraw: fc.boolean(),
  });

  it('property: a kudos is accepted iff the allowance covers it, and withdrawal refunds exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const org = await orgFixture(t, {
          people: { giver: {}, r1: {}, r2: {}, r3: {} },
          rules: { maxShareToOneRecipientPercent: 100, maxKudosPerDay: 1000 },
        });
        const token = org.people.giver.token;
        const ids = ['r1', 'r2', 'r3'].map((h) => org.people[h].member.id);
        let remaining = 100;
        for (const s of steps) {
          const amount = s.points * s.recipients;
          const res = await t.api.call('POST', '/api/v1/kudos', {
            token,
            body: {
              recipientIds: ids.slice(0, s.recipients),
              valueId: org.valueId,
              message: 'Property-based thanks',
              points: s.points,
            },
          });
          if (amount <= remaining) {
            expect(res.status).toBe(201);
            remaining -= amount;
            if (s.withdraw) {
              expect(
                (await t.api.call('DELETE', `/api/v1/kudos/${res.body.id}`, { token })).status,
              ).toBe(204);
              remaining += amount;
            }
          } else {
            expect(res).toMatchObject({ status: 422, body: { code: 'allowance_exceeded' } });
          }
          const allowance = await t.api.call('GET', '/api/v1/me/allowance', { token });
          expect(allowance.body.remaining).toBe(remaining);
          expect(allowance.body.remaining).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 8 },
    );
    expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true });
  });

  it('property: one recipient never gets more than 40% of the giver’s monthly allowance', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }),
        async (pointsList) => {
          const org = await orgFixture(t, {
            people: { giver: {}, friend: {} },
            rules: { maxKudosPerDay: 1000 },
          });
          let given = 0;
          for (const points of pointsList) {
            const res = await t.api.call('POST', '/api/v1/kudos', {
              token: org.people.giver.token,
              body: {
                recipientIds: [org.people.friend.member.id],
                valueId: org.valueId,
                message: 'You again, thank you',
                points,
              },
            });
            if (given + points <= 40) {
              expect(res.status).toBe(201);
              given += points;
            } else {
              expect(res).toMatchObject({ status: 422, body: { code: 'recipient_cap_exceeded' } });
            }
          }
          const profile = await t.api.call(
            'GET',
            `/api/v1/members/${org.people.friend.member.id}/profile`,
            { token: org.people.friend.token },
          );
          expect(profile.body.earned.thisMonth).toBe(given);
          expect(given).toBeLessThanOrEqual(40);
        },
      ),
      { numRuns: 8 },
    );
  });
});
