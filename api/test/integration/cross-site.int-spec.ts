import { SESSION_COOKIE } from '@bravo/shared';
import { io } from 'socket.io-client';
import { record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

/** CSRF: a cookie-authenticated change must come from Bravo's own pages, as JSON. */
describe('cross-site requests through the session cookie', () => {
  let t: TestApp;
  let org: OrgFixture;
  let kudosId: string;
  const foreign = { origin: 'http://evil.example' };
  const cookieOf = (token: string) => ({
    cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
  });
  const admin = () => cookieOf(org.admin.token);
  const own = () => ({ origin: t.baseUrl });

  const count = async (sql: string): Promise<number> =>
    Number((await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`))[0].n);
  const snapshot = async () => ({
    comments: await count('kudos_comments'),
    teams: await count('teams'),
    invitations: await count('invitations'),
    hidden: await count('kudos WHERE hidden_at IS NOT NULL'),
    liveSessions: await count('sessions WHERE revoked_at IS NULL'),
  });

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, { people: { ana: {}, ben: {} } });
    const kudos = await t.api.call('POST', '/api/v1/kudos', {
      token: org.people.ana.token,
      body: {
        recipientIds: [org.people.ben.member.id],
        valueId: org.valueId,
        message: 'Thanks for covering my shift!',
        points: 1,
      },
    });
    kudosId = kudos.body.id;
  });
  afterAll(() => t.close());

  it.each([
    ['add a comment', 'POST', () => `/api/v1/kudos/${kudosId}/comments`, { body: 'Sneaky' }],
    ['create a team', 'POST', () => '/api/v1/teams', { name: 'Evil Team' }],
    [
      'invite an admin',
      'POST',
      () => '/api/v1/invitations',
      { email: 'evil@example.com', name: 'Evil', role: 'admin' },
    ],
    ['hide a kudos', 'POST', () => `/api/v1/kudos/${kudosId}/hide`, undefined],
    ['log the admin out', 'POST', () => '/api/v1/auth/logout', undefined],
    ['rename the organisation', 'PATCH', () => '/api/v1/organization', { name: 'Pwned' }],
  ])('a foreign page cannot %s: 403, nothing changed', async (_label, method, path, body) => {
    const before = await snapshot();
    for (const headers of [{ ...admin(), ...foreign }, admin(), { ...admin(), origin: 'null' }]) {
      const res = await t.api.call(method, path(), { body, headers });
      expect(res).toMatchObject({
        status: 403,
        body: { statusCode: 403, code: 'cross_site_request', message: expect.any(String) },
      });
    }
    expect(await snapshot()).toEqual(before);
    const organization = await t.api.call('GET', '/api/v1/organization', {
      token: org.admin.token,
    });
    expect(organization.body.name).not.toBe('Pwned');
  });

  it('accepts the same changes from Bravo’s own pages (Origin, or Sec-Fetch-Site)', async () => {
    const byOrigin = await t.api.call('POST', '/api/v1/teams', {
      body: { name: 'Own Origin' },
      headers: { ...admin(), ...own() },
    });
    expect(byOrigin.status).toBe(201);
    const byFetchSite = await t.api.call('POST', `/api/v1/kudos/${kudosId}/comments`, {
      body: { body: 'Same origin, says the browser' },
      headers: { ...cookieOf(org.people.ben.token), 'sec-fetch-site': 'same-origin' },
    });
    expect(byFetchSite.status).toBe(201);
  });

  it('lets reads through whatever the Origin', async () => {
    const res = await t.api.call('GET', '/api/v1/me', { headers: { ...admin(), ...foreign } });
    expect(res.status).toBe(200);
  });

  it('does not ask bearer clients for an Origin', async () => {
    const team = await t.api.call('POST', '/api/v1/teams', {
      token: org.admin.token,
      body: { name: 'Bearer Team' },
      headers: foreign,
    });
    expect(team.status).toBe(201);
    const session = await t.api.signup();
    const out = await t.api.call('POST', '/api/v1/auth/logout', { token: session.token });
    expect(out.status).toBe(204);
    expect((await t.api.call('GET', '/api/v1/me', { token: session.token })).status).toBe(401);
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'name=Form+Team'],
    ['plain text', 'text/plain', '{"name":"Text Team"}'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\n\r\nname\r\n--x--'],
  ])('answers %s body with 415 and changes nothing', async (_label, contentType, rawBody) => {
    const before = await snapshot();
    for (const headers of [
      { ...admin(), ...own(), 'content-type': contentType } as Record<string, string>,
      { authorization: `Bearer ${org.admin.token}`, 'content-type': contentType },
    ]) {
      const res = await t.api.call('POST', '/api/v1/teams', { rawBody, headers });
      expect(res).toMatchObject({
        status: 415,
        body: { statusCode: 415, code: 'unsupported_media_type', message: expect.any(String) },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps socket.io long-polling working (it POSTs text/plain to /socket.io/)', async () => {
    const socket: LiveClient = io(t.baseUrl, {
      path: '/socket.io',
      transports: ['polling'],
      auth: { token: org.people.ben.token },
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      expect(socket.io.engine.transport.name).toBe('polling');
      const kudos = record(socket, 'kudos.created');
      const res = await t.api.call('POST', '/api/v1/kudos', {
        token: org.people.ana.token,
        body: {
          recipientIds: [org.people.ben.member.id],
          valueId: org.valueId,
          message: 'Over long-polling too!',
          points: 1,
        },
      });
      expect(res.status).toBe(201);
      await until(() =>
        kudos.some((k) => k.items.some((i) => i.message === 'Over long-polling too!')),
      );
    } finally {
      socket.close();
    }
  });
});
