import { LIVE_REFUSALS, type CreatedDisplayDto } from '@bravo/shared';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { arrivedAtServer, handledClientEvents } from '../../../test/support/live-server';
import { until } from '../../../test/support/wait';

describe('TV display links', () => {
  let t: TestApp;
  let org: OrgFixture;
  const sockets: LiveClient[] = [];
  const create = (token: string, body: Record<string, unknown>) =>
    t.api.call<CreatedDisplayDto>('POST', '/api/v1/displays', { token, body });
  const give = (giver: string, to: string, message: string) =>
    t.api.call('POST', '/api/v1/kudos', {
      token: org.people[giver].token,
      body: { recipientIds: [org.people[to].member.id], valueId: org.valueId, message, points: 2 },
    });
  const screen = async (token: string) => {
    const socket = await connectLive(t.baseUrl, { displayToken: token });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://bravo.example.com' } });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        ana: { team: 0 },
        ben: { team: 1 },
      },
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('shows the long random link once, with a QR code, and stores only its hash', async () => {
    const res = await create(org.admin.token, { name: 'Lobby TV', scope: 'organization' });
    expect(res.status).toBe(201);
    expect(res.body.token.length).toBeGreaterThanOrEqual(43);
    expect(res.body.url).toBe(`https://bravo.example.com/tv/${res.body.token}`);
    expect(res.body.qrSvg).toMatch(/^<svg/);
    expect(res.body.qrPng).toMatch(/^data:image\/png;base64,/);
    expect(res.body).toMatchObject({
      rotationSeconds: 15,
      nameStyle: 'first_name_last_initial',
      topN: 10,
    });
    const [row] = await t.db.query(`SELECT token_hash FROM display_links WHERE id = $1`, [
      res.body.id,
    ]);
    expect(row.token_hash).not.toContain(res.body.token);
    const list = await t.api.call('GET', '/api/v1/displays', { token: org.admin.token });
    expect(list.body[0]).not.toHaveProperty('token');
  });

  it('lets managers set up screens for their own teams only', async () => {
    expect(
      (
        await create(org.people.boss.token, {
          name: 'Harbour TV',
          scope: 'team',
          teamId: org.teams[0].id,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await create(org.people.boss.token, {
          name: 'Old Town TV',
          scope: 'team',
          teamId: org.teams[1].id,
        })
      ).status,
    ).toBe(403);
    expect(
      (await create(org.people.boss.token, { name: 'Everything', scope: 'organization' })).status,
    ).toBe(403);
    expect(
      (await create(org.people.ana.token, { name: 'Mine', scope: 'team', teamId: org.teams[0].id }))
        .status,
    ).toBe(403);
    const bad = await create(org.admin.token, { name: 'No team', scope: 'team' });
    expect(bad).toMatchObject({ status: 400, body: { details: [{ field: 'teamId' }] } });
  });

  it('serves the screen state to the token and a calm 401 to anything else', async () => {
    const display = (await create(org.admin.token, { name: 'State TV', scope: 'organization' }))
      .body;
    await give('ana', 'ben', 'Great coffee art today');
    const state = await t.api.call('GET', '/api/v1/display/state', {
      headers: { authorization: `Display ${display.token}` },
    });
    expect(state.status).toBe(200);
    expect(state.body.display).toMatchObject({ name: 'State TV', scope: 'organization' });
    expect(state.body.kudos[0].message).toBe('Great coffee art today');
    expect(state.body.members.entries[0]).toMatchObject({ name: 'ben' });
    expect(typeof state.body.build).toBe('string');
    const wrong = await t.api.call('GET', '/api/v1/display/state', {
      headers: { authorization: 'Display nope' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'display_not_connected' } });
    // A display token is not a session: it opens nothing else.
    expect(
      (
        await t.api.call('GET', '/api/v1/me', {
          headers: { authorization: `Display ${display.token}` },
        })
      ).status,
    ).toBe(401);
  });

  it('streams kudos to screens: a team screen sees only its team', async () => {
    const lobby = (await create(org.admin.token, { name: 'Lobby', scope: 'organization' })).body;
    const harbour = (
      await create(org.admin.token, { name: 'Harbour', scope: 'team', teamId: org.teams[0].id })
    ).body;
    const lobbySocket = await screen(lobby.token);
    const harbourSocket = await screen(harbour.token);
    const lobbyKudos = record(lobbySocket, 'kudos.created');
    const harbourKudos = record(harbourSocket, 'kudos.created');
    const harbourBoards = record(harbourSocket, 'leaderboard.updated');

    expect((await give('ana', 'ben', 'For Old Town only')).status).toBe(201); // ben is in Old Town
    expect((await give('ben', 'ana', 'For Harbour folks')).status).toBe(201); // ana is in Harbour
    await until(
      () =>
        lobbyKudos.flatMap((k) => k.items).length >= 2 &&
        harbourKudos.length >= 1 &&
        harbourBoards.length >= 1,
    );
    // The team screen's tick after both kudos carries the board at the current version; a
    // leak of the other team's kudos would have come in that tick or an earlier one.
    const { version } = (
      await t.api.call('GET', '/api/v1/leaderboards/members?period=month', {
        token: org.admin.token,
      })
    ).body;
    await until(() => harbourBoards.at(-1)?.version === version, 5000, "the team screen's board");
    expect(harbourKudos.flatMap((k) => k.items).map((k) => k.message)).toEqual([
      'For Harbour folks',
    ]);
    const names = harbourBoards.at(-1)?.members.entries.map((e) => e.name);
    expect(names).toEqual(['ana']);

    // A withdrawn kudos leaves the team screen too.
    const removed = record(harbourSocket, 'kudos.removed');
    const id = harbourKudos.flatMap((k) => k.items)[0].id;
    expect(
      (await t.api.call('DELETE', `/api/v1/kudos/${id}`, { token: org.people.ben.token })).status,
    ).toBe(204);
    await until(() => removed.length > 0);
    expect(removed[0].ids).toEqual([id]);
  });

  it('a screen socket can change nothing', async () => {
    const display = (await create(org.admin.token, { name: 'Read only', scope: 'organization' }))
      .body;
    const socket = await screen(display.token);
    // Any handler, Nest's @SubscribeMessage included, is a listener on the server socket.
    expect(handledClientEvents(t, socket)).toEqual([]);
    const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM kudos');
    const arrived = arrivedAtServer(t, socket, 'displays.delete');
    const raw = socket as unknown as { emit: (event: string, payload: unknown) => void };
    raw.emit('kudos.create', { recipientIds: [org.people.ana.member.id], points: 50 });
    raw.emit('displays.delete', { id: display.id });
    await arrived;
    const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM kudos');
    expect(after).toBe(before);
    const list = await t.api.call('GET', '/api/v1/displays', { token: org.admin.token });
    expect(list.body.map((d: { id: string }) => d.id)).toContain(display.id);
  });

  it('revoking a link disconnects its screen within seconds and refuses it afterwards', async () => {
    const display = (await create(org.admin.token, { name: 'Short-lived', scope: 'organization' }))
      .body;
    const socket = await screen(display.token);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));
    expect(
      (await t.api.call('DELETE', `/api/v1/displays/${display.id}`, { token: org.admin.token }))
        .status,
    ).toBe(204);
    await until(() => disconnected, 3000);
    await expect(connectLive(t.baseUrl, { displayToken: display.token })).rejects.toThrow(
      LIVE_REFUSALS.badDisplay,
    );
    const state = await t.api.call('GET', '/api/v1/display/state', {
      headers: { authorization: `Display ${display.token}` },
    });
    expect(state.status).toBe(401);
  });
});
