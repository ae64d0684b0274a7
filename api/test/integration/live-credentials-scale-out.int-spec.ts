import { randomBytes } from 'node:crypto';
import { createdIds, LIVE_REFUSALS } from '@bravo/shared';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import {
  dropTransport,
  nextDisconnect,
  reconnect,
  wirePackets,
} from '../../../test/support/live-drops';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { redisReachable, TEST_REDIS_URL } from '../../../test/support/redis-probe';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until, within } from '../../../test/support/wait';

const redisUp = redisReachable();
if (!redisUp) {
  console.warn(
    `SKIPPED live credential scale-out tests: no Redis answers at ${TEST_REDIS_URL} (set TEST_REDIS_URL to run them).`,
  );
}
const describeWithRedis = redisUp ? describe : describe.skip;

describeWithRedis('credentials ended on instance A close and refuse sockets on instance B', () => {
  let a: TestApp;
  let b: TestApp;
  let org: OrgFixture;
  let observed: () => string[];
  const sockets: LiveClient[] = [];

  const onB = async (token: string) => {
    const socket = await connectLive(b.baseUrl, { token });
    sockets.push(socket);
    return socket;
  };
  const memberOf = (handle: string) => (data: { member?: { id: string } }) =>
    data.member?.id === org.people[handle].member.id;
  /** A kudos given on A, once a socket on A has it (its tick went out through Redis). */
  const giveSeen = async (message: string) => {
    const res = await a.api.call('POST', '/api/v1/kudos', {
      token: org.people.gia.token,
      body: { recipientIds: [org.people.tom.member.id], valueId: org.valueId, message, points: 1 },
    });
    expect(res.status).toBe(201);
    await until(() => observed().includes(res.body.id));
    return res.body.id as string;
  };
  const openWarmOnB = async (handle: string) => {
    const socket = await onB(org.people[handle].token);
    const seen = record(socket, 'kudos.created');
    const id = await giveSeen('Warming up across instances');
    await until(() => seen.flatMap(createdIds).includes(id));
    return { socket, seen };
  };
  const closedAfter = async (socket: LiveClient, action: () => Promise<{ status: number }>) => {
    const closed = nextDisconnect(socket);
    const res = await action();
    const answeredAt = Date.now();
    expect(res.status).toBeLessThan(300);
    const { at } = await within(closed, 5000, 'the socket on B to be closed');
    return at - answeredAt;
  };

  beforeAll(async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_STREAM_NAME: `bravo-test:${randomBytes(4).toString('hex')}`,
    };
    a = await startTestApp({ env });
    b = await startTestApp({ env, shareDatabaseOf: a });
    org = await orgFixture(a, {
      people: { gia: {}, tom: {}, ana: {}, ben: {}, cat: {}, dan: {} },
      rules: { maxKudosPerDay: 1000, maxShareToOneRecipientPercent: 100, allowanceEmployee: 10000 },
    });
    const admin = await connectLive(a.baseUrl, { token: org.admin.token });
    sockets.push(admin);
    const created = record(admin, 'kudos.created');
    observed = () => created.flatMap(createdIds);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await b?.close();
    await a?.close();
  });

  it('logout on A closes the session’s socket on B within a second', async () => {
    const socket = await onB(org.people.ana.token);
    const ms = await closedAfter(socket, () =>
      a.api.call('POST', '/api/v1/auth/logout', { token: org.people.ana.token }),
    );
    expect(ms).toBeLessThan(1000);
  });

  it('deactivation on A closes the member’s socket on B within a second', async () => {
    const socket = await onB(org.people.ben.token);
    const ms = await closedAfter(socket, () =>
      a.api.call('PATCH', `/api/v1/members/${org.people.ben.member.id}`, {
        token: org.admin.token,
        body: { active: false },
      }),
    );
    expect(ms).toBeLessThan(1000);
  });

  it('logged out on A while its connection to B was down: refused on B, nothing sent meanwhile arrives', async () => {
    const { socket } = await openWarmOnB('cat');
    await dropTransport(b, socket, memberOf('cat'));
    const packets = wirePackets(socket);
    await a.api.call('POST', '/api/v1/auth/logout', { token: org.people.cat.token });
    await giveSeen('Sent while the phone on B was away');

    await expect(reconnect(socket)).rejects.toThrow(LIVE_REFUSALS.badToken);
    expect(packets.filter((p) => p.type === 2)).toEqual([]); // no EVENT packet
  });

  it('a still-valid session dropped from B recovers what it missed through Redis', async () => {
    const { socket, seen } = await openWarmOnB('dan');
    await dropTransport(b, socket, memberOf('dan'));
    const id = await giveSeen('Sent while a valid phone on B was away');

    expect(await reconnect(socket)).toEqual({ recovered: true });
    await until(() => seen.flatMap(createdIds).includes(id));
  });
});
