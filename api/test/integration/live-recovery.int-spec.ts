import { createdIds, tickParts } from '@bravo/shared';
import { LiveGateway } from '../../src/live/live.gateway';
import { connectLive } from '../../../test/support/live-client';
import { orgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('a client dropped during a burst', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('after reconnecting holds exactly the snapshot: nothing missed, nothing doubled', async () => {
    const org = await orgFixture(t, {
      people: { ana: {}, ben: {}, cat: {} },
      rules: { maxKudosPerDay: 1000, maxShareToOneRecipientPercent: 100, allowanceEmployee: 10000 },
    });
    const socket = await connectLive(t.baseUrl, { token: org.people.cat.token }, {}, true);
    const seen: string[] = [];
    let version = 0;
    let recovered: boolean | undefined;
    socket.on('live.tick', (tick) => {
      for (const [event, payload] of tickParts(tick)) {
        if (event === 'kudos.created') {
          seen.push(...createdIds(payload));
        } else if (event === 'leaderboard.updated') {
          version = Math.max(version, payload.version);
        }
      }
    });
    socket.on('connect', () => (recovered = socket.recovered));

    const send = (i: number) =>
      t.api.call('POST', '/api/v1/kudos', {
        token: org.people[i % 2 ? 'ana' : 'ben'].token,
        body: {
          recipientIds: [org.people[i % 2 ? 'ben' : 'ana'].member.id],
          valueId: org.valueId,
          message: `Burst #${i} thanks`,
          points: 1,
        },
      });
    const burst = Array.from({ length: 60 }, (_, i) => i);
    await Promise.all(burst.slice(0, 10).map(send));
    await until(() => seen.length >= 10);
    const first = Promise.all(burst.slice(10, 35).map(send));
    await until(() => seen.length > 10, 10000, 'the second wave to start arriving');
    // The network drops mid-burst: the server loses the transport, the client reconnects by itself.
    const gateway = t.app.get(LiveGateway);
    for (const s of gateway.server.sockets.sockets.values()) {
      if (s.data.member?.id === org.people.cat.member.id) {
        s.conn.close();
      }
    }
    await first;
    await Promise.all(burst.slice(35).map(send));

    await until(() => socket.connected && recovered !== undefined, 10000);
    await until(() => seen.length >= 60, 10000);
    const board = await t.api.call('GET', '/api/v1/leaderboards/members?period=month', {
      token: org.people.cat.token,
    });
    // The tick after the last kudos carries the board at the snapshot's version.
    await until(() => version === board.body.version, 10000, 'the last board');

    const feed = await t.api.call('GET', '/api/v1/kudos?limit=50', { token: org.people.cat.token });
    const more = await t.api.call('GET', `/api/v1/kudos?limit=50&cursor=${feed.body.nextCursor}`, {
      token: org.people.cat.token,
    });
    const snapshot = [...feed.body.items, ...(more.body.items ?? [])].map(
      (k: { id: string }) => k.id,
    );
    expect(recovered).toBe(true);
    expect(new Set(seen).size).toBe(seen.length); // nothing doubled
    expect([...seen].sort()).toEqual([...snapshot].sort()); // nothing missed
    expect(version).toBe(board.body.version);
    socket.close();
  });
});
