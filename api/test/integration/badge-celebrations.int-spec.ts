import type { CreatedDisplayDto } from '@bravo/shared';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('badges on the screens and in the member’s notices', () => {
  let t: TestApp;
  let org: OrgFixture;
  const sockets: LiveClient[] = [];
  const connect = async (auth: Record<string, string>) => {
    const socket = await connectLive(t.baseUrl, auth);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: { ana: { team: 0 }, ben: { team: 1 }, cat: { team: 0 } },
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const give = (from: string, to: string) =>
    t.api.call('POST', '/api/v1/kudos', {
      token: org.people[from].token,
      body: {
        recipientIds: [org.people[to].member.id],
        valueId: org.valueId,
        message: `Thanks from ${from}, you were great today`,
        points: 1,
      },
    });

  it('celebrates one member by name, tells them, and a badge earned by several at once as a count', async () => {
    const display = await t.api.call<CreatedDisplayDto>('POST', '/api/v1/displays', {
      token: org.admin.token,
      body: { name: 'Harbour TV', scope: 'team', teamId: org.teams[0].id },
    });
    const harbour = await connect({ displayToken: display.body.token });
    const ana = await connect({ token: org.people.ana.token });
    const celebrations = record(harbour, 'celebrations');
    const notices = record(ana, 'notification');

    // Ana's first kudos: the starter badge "First Bravo", on its own.
    expect((await give('ana', 'ben')).status).toBe(201);
    await until(
      () => celebrations.flat().some((c) => c.kind === 'badge'),
      5000,
      'a badge celebration on the Harbour screen',
    );
    expect(celebrations.flat().filter((c) => c.kind === 'badge')).toEqual([
      {
        kind: 'badge',
        badgeName: 'First Bravo',
        icon: 'sparkles',
        imageId: null,
        memberName: 'ana',
        count: 1,
      },
    ]);
    await until(() => notices.some((n) => n.kind === 'badge_awarded'), 5000, 'ana’s notice');
    expect(notices.filter((n) => n.kind === 'badge_awarded')).toEqual([
      {
        kind: 'badge_awarded',
        memberId: org.people.ana.member.id,
        badgeName: 'First Bravo',
        icon: 'sparkles',
        imageId: null,
        bonusPoints: 0,
      },
    ]);

    // Ben gives too (his team's screen is not this one); then a new badge both givers already
    // qualify for arrives at once: one celebration with a count, on the screens of their teams.
    expect((await give('ben', 'cat')).status).toBe(201);
    await until(
      async () =>
        (
          await t.api.call('GET', `/api/v1/members/${org.people.ben.member.id}/badges`, {
            token: org.people.ben.token,
          })
        ).body.earned.length > 0,
      5000,
      'ben’s First Bravo',
    );
    const before = celebrations.flat().length;
    const created = await t.api.call('POST', '/api/v1/badges', {
      token: org.admin.token,
      body: {
        name: 'Generous',
        icon: 'heart',
        description: 'Gave a kudos.',
        bonusPoints: 0,
        metric: 'kudos_given',
        threshold: 1,
        window: 'all_time',
      },
    });
    expect(created.status).toBe(201);
    await until(() => celebrations.flat().length > before, 5000, 'the Generous celebration');
    expect(celebrations.flat().slice(before)).toEqual([
      {
        kind: 'badge',
        badgeName: 'Generous',
        icon: 'heart',
        imageId: null,
        memberName: null,
        count: 2,
      },
    ]);
  });
});
