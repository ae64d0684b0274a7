import { createdIds, LIVE_REFUSALS, LIVE_TICK_MAX_KUDOS } from '@bravo/shared';
import {
  connectLive,
  countMessages,
  record,
  type LiveClient,
} from '../../../test/support/live-client';
import { arrivedAtServer, handledClientEvents } from '../../../test/support/live-server';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('live gateway (real socket.io clients)', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  const sockets: LiveClient[] = [];
  const connect = async (token: string) => {
    const socket = await connectLive(t.baseUrl, { token });
    sockets.push(socket);
    return socket;
  };
  const give = (giver: string, to: string, points: number, message = 'Live thanks to you!') =>
    t.api.call('POST', '/api/v1/kudos', {
      token: org.people[giver].token,
      body: { recipientIds: [org.people[to].member.id], valueId: org.valueId, message, points },
    });

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      people: { ana: {}, ben: {}, cat: {} },
      rules: { maxKudosPerDay: 1000, maxShareToOneRecipientPercent: 100, allowanceEmployee: 10000 },
    });
    other = await orgFixture(t, { people: { zed: {} } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('refuses a handshake without credentials, with a bad token or an unknown display token', async () => {
    await expect(connectLive(t.baseUrl)).rejects.toThrow(LIVE_REFUSALS.noCredentials);
    await expect(connectLive(t.baseUrl, { token: 'forged' })).rejects.toThrow(
      LIVE_REFUSALS.badToken,
    );
    await expect(connectLive(t.baseUrl, { displayToken: 'nope' })).rejects.toThrow(
      LIVE_REFUSALS.badDisplay,
    );
  });

  it('accepts the browser session cookie from its own pages', async () => {
    const socket = await connectLive(
      t.baseUrl,
      {},
      { cookie: `bravo_session=${org.people.cat.token}`, origin: t.baseUrl },
    );
    sockets.push(socket);
    expect(socket.connected).toBe(true);
  });

  it('delivers a kudos to its organisation (feed, notification, allowance) and never to another', async () => {
    const ben = await connect(org.people.ben.token);
    const ana = await connect(org.people.ana.token);
    const zed = await connect(other.people.zed.token);
    const benKudos = record(ben, 'kudos.created');
    const benNotes = record(ben, 'notification');
    const anaAllowance = record(ana, 'allowance.updated');
    // Everything zed's socket receives, as text: the other organisation's kudos must not show.
    const zedSaw: string[] = [];
    zed.onAny((event: string, payload: unknown) => zedSaw.push(JSON.stringify([event, payload])));

    const res = await give('ana', 'ben', 7, 'Thanks for covering the bar');
    expect(res.status).toBe(201);
    await until(() => benKudos.length > 0 && benNotes.length > 0 && anaAllowance.length > 0);
    expect(benKudos[0].items.map((k) => k.id)).toEqual([res.body.id]);
    expect(benNotes[0]).toMatchObject({ kind: 'kudos_received', fromName: 'ana', points: 7 });
    expect(anaAllowance.at(-1)?.spent).toBe(7);
    // A kudos in zed's own organisation, sent after ben had his: a leak of ana's kudos
    // to zed was written to zed's socket before this one, and arrives before it.
    const own = await t.api.call('POST', '/api/v1/kudos', {
      token: other.admin.token,
      body: {
        recipientIds: [other.people.zed.member.id],
        valueId: other.valueId,
        message: 'Thanks from your own organisation',
        points: 1,
      },
    });
    expect(own.status).toBe(201);
    await until(() => zedSaw.some((m) => m.includes(own.body.id)), 5000, "zed's own kudos");
    expect(zedSaw.filter((m) => m.includes(res.body.id) || m.includes('covering the bar'))).toEqual(
      [],
    );
  });

  it('reports its live load without credentials: sockets held, messages sent and their CPU', async () => {
    const stats = async () => (await t.api.call('GET', '/api/health/live')).body;
    const before = await stats();
    const watcher = await connect(org.people.cat.token);
    const after = await stats();
    expect(after.sockets).toBe(before.sockets + 1);
    expect(Object.keys(after).sort()).toEqual(
      ['cpuMicrosPerMessage', 'fanOutCpuMicros', 'messagesSent', 'sockets'].sort(),
    );
    const ticks = record(watcher, 'kudos.created');
    await give('ana', 'cat', 1, 'Thanks for the stats check');
    await until(() => ticks.length > 0);
    const sent = await stats();
    // At least every organisation socket got the tick, plus member pushes.
    expect(sent.messagesSent).toBeGreaterThanOrEqual(before.messagesSent + 1);
    expect(sent.fanOutCpuMicros).toBeGreaterThan(before.fanOutCpuMicros);
    expect(sent.cpuMicrosPerMessage).toBeGreaterThan(0);
  });

  it('collapses 100 kudos in a second into a handful of board pushes, the last equal to the HTTP snapshot', async () => {
    const cat = await connect(org.people.cat.token);
    const boards = record(cat, 'leaderboard.updated');
    const created = record(cat, 'kudos.created');
    const messages = countMessages(cat);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        give(i % 2 ? 'ana' : 'cat', i % 2 ? 'cat' : 'ben', 1, `Burst of thanks #${i}`),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    await until(() => created.flatMap(createdIds).length >= 100);
    const snapshot = await t.api.call('GET', '/api/v1/leaderboards/members?period=month&limit=10', {
      token: org.people.cat.token,
    });
    // The tick after the last kudos carries the board at the snapshot's version.
    await until(() => boards.at(-1)?.version === snapshot.body.version, 5000, 'the last board');
    // Every kudos announced exactly once; a tick carries at most a few in full, the rest by id.
    const announced = created.flatMap(createdIds);
    expect([...announced].sort()).toEqual(results.map((r) => r.body.id).sort());
    expect(created.every((c) => c.items.length <= LIVE_TICK_MAX_KUDOS)).toBe(true);
    expect(boards.length).toBeGreaterThan(0);
    expect(boards.length).toBeLessThanOrEqual(10);
    // Kudos and boards of a tick travel together: one message per tick, not one per event.
    expect(messages.get('kudos.created') ?? 0).toBe(0);
    expect(messages.get('live.tick')).toBe(boards.length);
    const last = boards.at(-1);
    expect(last?.members.entries).toEqual(snapshot.body.entries);
    expect(last?.version).toBe(snapshot.body.version);
  });

  it('handles no client event: a member socket listens for none and may emit without effect', async () => {
    const ana = await connect(org.people.ana.token);
    // Any handler, Nest's @SubscribeMessage included, is a listener on the server socket.
    expect(handledClientEvents(t, ana)).toEqual([]);
    const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM kudos');
    const arrived = arrivedAtServer(t, ana, 'kudos.create');
    (ana as unknown as { emit: (e: string, p: unknown) => void }).emit('kudos.create', {
      recipientIds: [org.people.ben.member.id],
      valueId: org.valueId,
      message: 'A kudos sent over the socket',
      points: 50,
    });
    await arrived;
    const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM kudos');
    expect(after).toBe(before);
    expect(ana.connected).toBe(true);
  });
});
