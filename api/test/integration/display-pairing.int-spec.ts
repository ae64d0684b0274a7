import {
  PAIRING_CODE_ALPHABET,
  type DisplayDto,
  type DisplayPairingStartDto,
  type DisplaySettingsDto,
} from '@bravo/shared';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('pairing a TV by code, presence and editing screens', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  const sockets: LiveClient[] = [];
  /** Each test its own address, so the per-address limits of one do not spill into another. */
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const start = (address: string) =>
    t.api.call<DisplayPairingStartDto>('POST', '/api/v1/display-pairings', {
      headers: from(address),
    });
  const status = (secret: string) =>
    t.api.call<{ status: string }>('GET', '/api/v1/display-pairings/current', {
      headers: { authorization: `Pairing ${secret}` },
    });
  const pair = (token: string, body: Record<string, unknown>, address = '198.51.100.9') =>
    t.api.call('POST', '/api/v1/displays/pair', {
      token,
      body,
      headers: from(address),
    });
  const list = async (token: string) =>
    (await t.api.call<DisplayDto[]>('GET', '/api/v1/displays', { token })).body;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: { boss: { role: 'manager', team: 0, manages: [0] }, ana: { team: 0 } },
    });
    other = await orgFixture(t, { people: {} });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('pairs a waiting TV: its secret becomes the screen token, the code works once', async () => {
    const started = await start('203.0.113.1');
    expect(started.status).toBe(201);
    const { code, secret } = started.body;
    expect(code).toHaveLength(6);
    expect([...code].every((c) => PAIRING_CODE_ALPHABET.includes(c))).toBe(true);
    const [row] = await t.db.query<{ code_hash: string; secret_hash: string }[]>(
      `SELECT code_hash, secret_hash FROM display_pairings WHERE expires_at > now() ORDER BY created_at DESC LIMIT 1`,
    );
    expect(row.code_hash).not.toContain(code);
    expect(row.secret_hash).not.toContain(secret);
    expect((await status(secret)).body).toEqual({ status: 'waiting' });
    // Before pairing, the secret opens nothing.
    expect(
      (
        await t.api.call('GET', '/api/v1/display/state', {
          headers: { authorization: `Display ${secret}` },
        })
      ).status,
    ).toBe(401);

    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const paired = await pair(org.admin.token, {
      code: typed,
      name: 'Lobby',
      scope: 'organization',
      topN: 3,
    });
    expect(paired.status).toBe(201);
    expect(paired.body).toMatchObject({ name: 'Lobby', topN: 3 });
    expect(paired.body).not.toHaveProperty('token');
    expect((await status(secret)).body).toEqual({ status: 'paired' });
    const state = await t.api.call('GET', '/api/v1/display/state', {
      headers: { authorization: `Display ${secret}` },
    });
    expect(state.status).toBe(200);
    expect(state.body.display.name).toBe('Lobby');
    expect(state.body.organization.timezone).toEqual(expect.any(String));

    const again = await pair(org.admin.token, { code, name: 'Twice', scope: 'organization' });
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual([
      { field: 'code', code: 'unknown_pairing_code', params: {} },
    ]);
  });

  it('answers a wrong, mistyped or expired code the same way, and changes nothing', async () => {
    const { code, secret } = (await start('203.0.113.2')).body;
    await t.db.query(
      `UPDATE display_pairings SET expires_at = now() - interval '1 second' WHERE expires_at > now()`,
    );
    const before = (await list(org.admin.token)).length;
    const answers = await Promise.all(
      [code, 'ZZZZZZ', 'A0O1IL', 'short'].map((c) =>
        pair(org.admin.token, { code: c, name: 'Nope', scope: 'organization' }, '198.51.100.2'),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([
        { field: 'code', code: 'unknown_pairing_code', params: {} },
      ]);
    }
    expect((await status(secret)).body).toEqual({ status: 'expired' });
    expect(await list(org.admin.token)).toHaveLength(before);
  });

  it('lets managers pair only for their teams, and nobody for another organisation', async () => {
    const { code } = (await start('203.0.113.3')).body;
    const teamOfOthers = { code, name: 'X', scope: 'team', teamId: org.teams[1].id };
    expect((await pair(org.people.boss.token, teamOfOthers)).status).toBe(403);
    expect(
      (await pair(org.people.ana.token, { ...teamOfOthers, teamId: org.teams[0].id })).status,
    ).toBe(403);
    expect(
      (await pair(other.admin.token, { code, name: 'X', scope: 'team', teamId: org.teams[0].id }))
        .status,
    ).toBe(400);
    const ok = await pair(org.people.boss.token, { ...teamOfOthers, teamId: org.teams[0].id });
    expect(ok.status).toBe(201);
    expect((await list(other.admin.token)).map((d) => d.id)).not.toContain(ok.body.id);
  });

  it('rate-limits starting and claiming per address', async () => {
    const starts = await Promise.all(Array.from({ length: 31 }, () => start('203.0.113.50')));
    expect(starts.filter((r) => r.status === 201)).toHaveLength(30);
    expect(starts.find((r) => r.status === 429)?.body.code).toBe('too_many_attempts');
    expect((await start('203.0.113.51')).status).toBe(201);

    const claims = await Promise.all(
      Array.from({ length: 21 }, () =>
        pair(
          org.admin.token,
          { code: 'ZZZZZZ', name: 'Guess', scope: 'organization' },
          '198.51.100.50',
        ),
      ),
    );
    expect(claims.filter((r) => r.status === 400)).toHaveLength(20);
    expect(claims.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('shows presence from the socket, and the TV gets edits live', async () => {
    const { code, secret } = (await start('203.0.113.4')).body;
    const display = (await pair(org.admin.token, { code, name: 'Bar', scope: 'organization' }))
      .body;
    const row = () => list(org.admin.token).then((all) => all.find((d) => d.id === display.id));
    expect((await row())?.presence).toEqual({
      online: false,
      lastSeenAt: null,
      address: null,
      userAgent: null,
    });

    const socket = await connectLive(
      t.baseUrl,
      { displayToken: secret },
      {
        'user-agent': 'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) Chrome/85.0',
        'x-forwarded-for': '192.0.2.7',
      },
    );
    sockets.push(socket);
    await until(async () => (await row())?.presence.online === true);
    expect((await row())?.presence).toMatchObject({
      address: '192.0.2.7',
      userAgent: expect.stringContaining('Tizen'),
    });

    const updates = record(socket, 'display.updated');
    const patched = await t.api.call<DisplayDto>('PATCH', `/api/v1/displays/${display.id}`, {
      token: org.admin.token,
      body: { name: 'Bar TV', topN: 7, panels: ['fresh_kudos'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Bar TV',
      topN: 7,
      panels: ['fresh_kudos'],
      scope: 'organization',
    });
    await until(() => updates.length === 1);
    expect(updates[0]).toMatchObject<Partial<DisplaySettingsDto>>({ name: 'Bar TV', topN: 7 });

    const bad = await t.api.call('PATCH', `/api/v1/displays/${display.id}`, {
      token: org.admin.token,
      body: { topN: 0, scope: 'team' },
    });
    expect(bad.status).toBe(400);
    expect((await row())?.topN).toBe(7);
    expect(
      (
        await t.api.call('PATCH', `/api/v1/displays/${display.id}`, {
          token: other.admin.token,
          body: { name: 'Mine' },
        })
      ).status,
    ).toBe(404);

    socket.close();
    await until(async () => (await row())?.presence.online === false);
    expect((await row())?.presence.lastSeenAt).not.toBeNull();
  });

  it('turns a screen offline by itself when its instance stops renewing (a crash)', async () => {
    const { code, secret } = (await start('203.0.113.5')).body;
    const display = (await pair(org.admin.token, { code, name: 'Crash', scope: 'organization' }))
      .body;
    const socket = await connectLive(t.baseUrl, { displayToken: secret });
    sockets.push(socket);
    const online = async () =>
      (await list(org.admin.token)).find((d) => d.id === display.id)?.presence.online;
    await until(async () => (await online()) === true);
    // What a crash leaves behind: the last renewal, which runs out.
    await t.db.query(
      `UPDATE display_links SET online_until = now() - interval '1 second' WHERE id = $1`,
      [display.id],
    );
    expect(await online()).toBe(false);
  });
});
