import { createdIds, LIVE_REFUSALS, type SessionDto } from '@bravo/shared';
import type { SocketData } from '../../src/live/live.gateway';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import {
  dropTransport,
  nextDisconnect,
  reconnect,
  serverSocketsOf,
  wirePackets,
} from '../../../test/support/live-drops';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until, within } from '../../../test/support/wait';

/** socket.io packet type of a server event (CONNECT is 0, CONNECT_ERROR 4). */
const EVENT = 2;

describe('live connections end with the credential that opened them', () => {
  let t: TestApp;
  let org: OrgFixture;
  /** What the admin's socket received: it sees every kudos of the organisation. */
  let observed: () => string[];
  const sockets: LiveClient[] = [];

  const open = async (auth: Record<string, string>, headers: Record<string, string> = {}) => {
    const socket = await connectLive(t.baseUrl, auth, headers);
    sockets.push(socket);
    return socket;
  };
  const person = (handle: string) => org.people[handle];
  const ofMember = (handle: string) => (data: SocketData) =>
    data.member?.id === person(handle).member.id;

  /** A kudos from Gia to Tom, once the admin's socket has it (its tick has gone out). */
  const giveSeen = async (message: string): Promise<string> => {
    const res = await t.api.call('POST', '/api/v1/kudos', {
      token: person('gia').token,
      body: { recipientIds: [person('tom').member.id], valueId: org.valueId, message, points: 1 },
    });
    expect(res.status).toBe(201);
    await until(() => observed().includes(res.body.id));
    return res.body.id;
  };
  /** A socket that has received one push, so it holds an offset to recover from. */
  const openWarm = async (auth: Record<string, string>) => {
    const socket = await open(auth);
    const seen = record(socket, 'kudos.created');
    const id = await giveSeen('Warming up the connection, thanks!');
    await until(() => seen.flatMap(createdIds).includes(id));
    return socket;
  };
  const patchMember = (handle: string, body: Record<string, unknown>) =>
    t.api.call('PATCH', `/api/v1/members/${person(handle).member.id}`, {
      token: org.admin.token,
      body,
    });
  const logout = (token: string) => t.api.call('POST', '/api/v1/auth/logout', { token });
  /** The time between an HTTP answer and the socket's disconnection, for an action on the API. */
  const closedAfter = async (socket: LiveClient, action: () => Promise<{ status: number }>) => {
    const closed = nextDisconnect(socket);
    const res = await action();
    const answeredAt = Date.now();
    expect(res.status).toBeLessThan(300);
    const { at } = await within(closed, 5000, 'the socket to be closed');
    return at - answeredAt;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      people: Object.fromEntries(
        ['gia', 'tom', 'ana', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy'].map((h) => [
          h,
          {},
        ]),
      ),
      rules: { maxKudosPerDay: 1000, maxShareToOneRecipientPercent: 100, allowanceEmployee: 10000 },
    });
    const admin = await open({ token: org.admin.token });
    const created = record(admin, 'kudos.created');
    observed = () => created.flatMap(createdIds);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it("logout closes that session's sockets within a second; the member's other sessions stay", async () => {
    const again = await t.api.call<SessionDto>('POST', '/api/v1/auth/login', {
      body: { email: person('ana').member.email, password: 'fixture-password' },
    });
    expect(again.status).toBe(200);
    const first = await open({ token: person('ana').token });
    const second = await open({ token: again.body.token });

    expect(await closedAfter(first, () => logout(person('ana').token))).toBeLessThan(1000);
    expect(second.connected).toBe(true);
    const stillLive = record(second, 'kudos.created');
    const id = await giveSeen('Still live on the other phone');
    await until(() => stillLive.flatMap(createdIds).includes(id));
    await expect(reconnect(first)).rejects.toThrow(LIVE_REFUSALS.badToken);
  });

  it('deactivating a member closes their sockets within a second and refuses them after', async () => {
    const socket = await open({ token: person('ben').token });
    expect(await closedAfter(socket, () => patchMember('ben', { active: false }))).toBeLessThan(
      1000,
    );
    await expect(reconnect(socket)).rejects.toThrow(LIVE_REFUSALS.badToken);
  });

  it('a role change drops the sockets; they come back fresh with the new role and still get ticks', async () => {
    const socket = await openWarm({ token: person('cat').token });
    // An earlier network drop leaves a recoverable copy of the socket's old state behind.
    await dropTransport(t, socket, ofMember('cat'));
    expect(await reconnect(socket)).toEqual({ recovered: true });

    expect(await closedAfter(socket, () => patchMember('cat', { role: 'manager' }))).toBeLessThan(
      1000,
    );
    // The same client, with its old recovery id: it gets a fresh connection, not the old state.
    expect(await reconnect(socket)).toEqual({ recovered: false });
    expect(serverSocketsOf(t, person('cat').member.id).map((d) => d.member?.role)).toEqual([
      'manager',
    ]);
    const ticks = record(socket, 'kudos.created');
    const id = await giveSeen('Congratulations on the promotion');
    await until(() => ticks.flatMap(createdIds).includes(id));
  });

  it('changing the teams a manager manages drops their sockets too', async () => {
    const team = await t.api.call('POST', '/api/v1/teams', {
      token: org.admin.token,
      body: { name: 'Night shift' },
    });
    await patchMember('dan', { role: 'manager' });
    const socket = await open({ token: person('dan').token });
    expect(
      await closedAfter(socket, () => patchMember('dan', { managedTeamIds: [team.body.id] })),
    ).toBeLessThan(1000);
    expect(await reconnect(socket)).toEqual({ recovered: false });
    expect(serverSocketsOf(t, person('dan').member.id)[0]?.member?.managedTeamIds).toEqual([
      team.body.id,
    ]);
  });

  describe('revoked while its connection is down, then reconnecting within the recovery window', () => {
    const cases: {
      name: string;
      /** Opens the credential; returns how to find its server socket and how to revoke it. */
      setUp: () => Promise<{
        auth: Record<string, string>;
        match: (d: SocketData) => boolean;
        revoke: () => Promise<{ status: number }>;
      }>;
      refusal: string;
    }[] = [
      {
        name: 'a screen whose link was revoked',
        setUp: async () => {
          const display = await t.api.call('POST', '/api/v1/displays', {
            token: org.admin.token,
            body: { name: 'Revoked while away', scope: 'organization' },
          });
          return {
            auth: { displayToken: display.body.token },
            match: (d) => d.display?.id === display.body.id,
            revoke: () =>
              t.api.call('DELETE', `/api/v1/displays/${display.body.id}`, {
                token: org.admin.token,
              }),
          };
        },
        refusal: LIVE_REFUSALS.badDisplay,
      },
      {
        name: 'a session that logged out',
        setUp: async () => ({
          auth: { token: person('gus').token },
          match: ofMember('gus'),
          revoke: () => logout(person('gus').token),
        }),
        refusal: LIVE_REFUSALS.badToken,
      },
      {
        name: 'a member who was deactivated',
        setUp: async () => ({
          auth: { token: person('hal').token },
          match: ofMember('hal'),
          revoke: () => patchMember('hal', { active: false }),
        }),
        refusal: LIVE_REFUSALS.badToken,
      },
    ];

    it.each(cases)('$name: refused, and nothing sent meanwhile arrives', async (c) => {
      const { auth, match, revoke } = await c.setUp();
      const socket = await openWarm(auth);
      await dropTransport(t, socket, match);
      const packets = wirePackets(socket);
      expect((await revoke()).status).toBeLessThan(300);
      await giveSeen('Sent while that connection was away');

      await expect(reconnect(socket)).rejects.toThrow(c.refusal);
      expect(packets.filter((p) => p.type === EVENT)).toEqual([]);
      expect(JSON.stringify(packets)).not.toContain('while that connection was away');
    });

    it('a still-valid session, dropped the same way, recovers what it missed', async () => {
      const socket = await openWarm({ token: person('eve').token });
      const seen = record(socket, 'kudos.created');
      await dropTransport(t, socket, ofMember('eve'));
      const id = await giveSeen('Sent while a valid phone was away');

      expect(await reconnect(socket)).toEqual({ recovered: true });
      await until(() => seen.flatMap(createdIds).includes(id));
    });
  });

  it('a screen made public-safe while its connection is down does not recover its old cut', async () => {
    const display = await t.api.call('POST', '/api/v1/displays', {
      token: org.admin.token,
      body: { name: 'Turned safe while away', scope: 'organization', publicSafe: false },
    });
    const socket = await openWarm({ displayToken: display.body.token });
    await dropTransport(t, socket, (d) => d.display?.id === display.body.id);
    const packets = wirePackets(socket);
    const turned = await t.api.call('PATCH', `/api/v1/displays/${display.body.id}`, {
      token: org.admin.token,
      body: { publicSafe: true },
    });
    expect(turned.status).toBe(200);
    await giveSeen('Sent while the screen was being made safe');

    // A fresh connection, in the public-safe room: nothing of the old room's packets.
    expect(await reconnect(socket)).toEqual({ recovered: false });
    expect(JSON.stringify(packets)).not.toContain('while the screen was being made safe');
    const seen = record(socket, 'kudos.created');
    const id = await giveSeen('After the switch, cut for customers');
    await until(() => seen.flatMap(createdIds).includes(id));
    expect(seen.flatMap((p) => p.items).every((k) => k.points === undefined)).toBe(true);
  });

  it('a connection being recovered with another credential is refused; a new one starts fresh', async () => {
    const socket = await openWarm({ token: person('fay').token });
    await dropTransport(t, socket, ofMember('fay'));
    socket.auth = { token: person('tom').token };
    await expect(reconnect(socket)).rejects.toThrow(LIVE_REFUSALS.otherCredential);

    const fresh = await open({ token: person('tom').token });
    expect(fresh.recovered).toBe(false);
    expect(serverSocketsOf(t, person('fay').member.id)).toEqual([]);
  });

  describe('cookie handshakes come from Bravo’s own pages; token handshakes from anywhere', () => {
    const cookie = () => ({ cookie: `bravo_session=${person('ivy').token}` });

    it('refuses the session cookie from a foreign Origin or with no Origin at all', async () => {
      await expect(
        connectLive(t.baseUrl, {}, { ...cookie(), origin: 'https://evil.example' }),
      ).rejects.toThrow(LIVE_REFUSALS.crossSite);
      await expect(connectLive(t.baseUrl, {}, cookie())).rejects.toThrow(LIVE_REFUSALS.crossSite);
    });

    it("accepts the session cookie from the app's own origin", async () => {
      const socket = await open({}, { ...cookie(), origin: t.baseUrl });
      expect(socket.connected).toBe(true);
    });

    it('accepts auth.token and auth.displayToken whatever the Origin', async () => {
      const display = await t.api.call('POST', '/api/v1/displays', {
        token: org.admin.token,
        body: { name: 'Signage player', scope: 'organization' },
      });
      const foreign = { origin: 'https://signage.example' };
      expect((await open({ token: person('ivy').token }, foreign)).connected).toBe(true);
      expect((await open({ displayToken: display.body.token }, foreign)).connected).toBe(true);
    });
  });
});
