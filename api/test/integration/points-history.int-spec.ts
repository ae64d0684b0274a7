import type { HistoryEntryDto } from '@bravo/shared';
import { orgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('points history names who and which kudos', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('gives each entry the kudos behind it: giver, recipients, booster and value', async () => {
    const org = await orgFixture(t, { people: { ana: {}, ben: {}, cid: {} } });
    const { ana, ben, cid } = org.people;
    const kudos = await t.api.ok('POST', '/api/v1/kudos', {
      token: ana.token,
      body: {
        recipientIds: [ben.member.id],
        valueId: org.valueId,
        message: 'Thanks for covering my shift!',
        points: 10,
      },
    });
    await t.api.ok('POST', `/api/v1/kudos/${kudos.id}/boosts`, {
      token: cid.token,
      body: { points: 3 },
    });

    const history = (id: string) =>
      t.api.ok<HistoryEntryDto[]>('GET', `/api/v1/members/${id}/history`, { token: cid.token });
    const bens = await history(ben.member.id);
    const fromKudos = bens.find((e) => e.sourceType === 'kudos');
    const fromBoost = bens.find((e) => e.sourceType === 'boost');
    expect(fromKudos).toMatchObject({
      account: 'earned',
      amount: 10,
      kudos: {
        id: kudos.id,
        giver: { id: ana.member.id, name: 'ana' },
        recipients: [{ id: ben.member.id, name: 'ben' }],
        booster: null,
        valueName: 'Own It',
      },
    });
    expect(fromBoost).toMatchObject({
      amount: 3,
      kudos: { id: kudos.id, booster: { id: cid.member.id, name: 'cid' } },
    });
    const anas = await history(ana.member.id);
    expect(anas[0]).toMatchObject({
      account: 'given',
      kudos: { id: kudos.id, recipients: [{ name: 'ben' }] },
    });

    // Another organisation's member reads nothing of it.
    const other = await orgFixture(t, { people: {} });
    const foreign = await t.api.ok<HistoryEntryDto[]>(
      'GET',
      `/api/v1/members/${ben.member.id}/history`,
      { token: other.admin.token },
    );
    expect(foreign).toEqual([]);
  });
});
