import type { CreatedInvitationDto, SessionDto } from '@bravo/shared';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('signup → login → invite → accept → the new member logs in', () => {
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp({ env: { PUBLIC_URL: 'https://bravo.example.com' } })),
  );
  afterAll(() => t.close());

  it('runs the whole onboarding over HTTP', async () => {
    const signup = await t.api.call<SessionDto>('POST', '/api/v1/auth/signup', {
      body: {
        organizationName: 'Blue Bottle Bakery',
        name: 'Rosa Admin',
        email: 'Rosa@Example.com',
        password: 'a-long-password',
        timezone: 'America/New_York',
      },
    });
    expect(signup.status).toBe(201);
    expect(signup.body.member).toMatchObject({ role: 'admin', email: 'rosa@example.com' });
    expect(signup.body.member.organization).toMatchObject({
      name: 'Blue Bottle Bakery',
      timezone: 'America/New_York',
    });
    expect(signup.headers.get('set-cookie')).toMatch(
      /^bravo_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/,
    );

    const login = await t.api.call<SessionDto>('POST', '/api/v1/auth/login', {
      body: { email: 'rosa@example.com', password: 'a-long-password' },
    });
    expect(login.status).toBe(200);
    const admin = login.body.token;

    const team = await t.api.call('POST', '/api/v1/teams', {
      token: admin,
      body: { name: 'Main Street' },
    });
    expect(team.status).toBe(201);

    const invite = await t.api.call<CreatedInvitationDto>('POST', '/api/v1/invitations', {
      token: admin,
      body: { email: 'kai@example.com', name: 'Kai Baker', role: 'employee', teamId: team.body.id },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toBe(`https://bravo.example.com/invite/${invite.body.token}`);
    const pending = await t.api.call('GET', '/api/v1/invitations', { token: admin });
    expect(pending.body.map((i: { email: string }) => i.email)).toEqual(['kai@example.com']);

    const preview = await t.api.call('GET', `/api/v1/invitations/${invite.body.token}`);
    expect(preview).toMatchObject({
      status: 200,
      body: { email: 'kai@example.com', organizationName: 'Blue Bottle Bakery', role: 'employee' },
    });

    const accepted = await t.api.call<SessionDto>(
      'POST',
      `/api/v1/invitations/${invite.body.token}/accept`,
      {
        body: { password: 'kai-password-1' },
      },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.member).toMatchObject({
      name: 'Kai Baker',
      role: 'employee',
      teamId: team.body.id,
    });

    const kaiLogin = await t.api.call<SessionDto>('POST', '/api/v1/auth/login', {
      body: { email: 'kai@example.com', password: 'kai-password-1' },
    });
    expect(kaiLogin.status).toBe(200);
    const me = await t.api.call('GET', '/api/v1/me', { token: kaiLogin.body.token });
    expect(me.body).toMatchObject({
      name: 'Kai Baker',
      organization: { name: 'Blue Bottle Bakery' },
    });

    // The link works once.
    const again = await t.api.call('POST', `/api/v1/invitations/${invite.body.token}/accept`, {
      body: { password: 'kai-password-2' },
    });
    expect(again).toMatchObject({ status: 410, body: { code: 'invitation_used' } });
  });

  it('the browser cookie authenticates like the bearer token, and logout revokes it', async () => {
    const session = await t.api.signup();
    const cookie = `bravo_session=${session.token}`;
    expect((await t.api.call('GET', '/api/v1/me', { headers: { cookie } })).status).toBe(200);
    // A browser names the page's origin on a POST; cross-site.int-spec covers the refusals.
    const logout = await t.api.call('POST', '/api/v1/auth/logout', {
      headers: { cookie, origin: t.baseUrl },
    });
    expect(logout.status).toBe(204);
    expect((await t.api.call('GET', '/api/v1/me', { headers: { cookie } })).status).toBe(401);
    expect((await t.api.call('GET', '/api/v1/me', { token: session.token })).status).toBe(401);
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const session = await t.api.signup({ password: 'plain-text-secret' });
    const [row] = await t.db.query('SELECT password_hash FROM members WHERE id = $1', [
      session.member.id,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('plain-text-secret');
  });

  it('lets a member switch language', async () => {
    const session = await t.api.signup();
    const res = await t.api.call('PATCH', '/api/v1/me', {
      token: session.token,
      body: { locale: 'ar' },
    });
    expect(res).toMatchObject({ status: 200, body: { locale: 'ar' } });
    const bad = await t.api.call('PATCH', '/api/v1/me', {
      token: session.token,
      body: { locale: 'xx' },
    });
    expect(bad).toMatchObject({ status: 400, body: { details: [{ field: 'locale' }] } });
  });
});
