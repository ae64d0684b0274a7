import type { SessionDto } from '@bravo/shared';
import { startTestApp, type TestApp } from '../support/test-app';

describe('login', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } })));
  afterAll(() => t.close());

  it('answers a wrong password and an unknown account with the same 401', async () => {
    const session = await t.api.signup({ email: 'owner@example.com', password: 'right-password' });
    const wrong = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: 'owner@example.com', password: 'wrong-password' },
    });
    const unknown = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@example.com', password: 'wrong-password' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.body.token).toBeUndefined();
    expect(session.member.email).toBe('owner@example.com');
  });

  it('throttles repeated failures on one account, even with the right password then', async () => {
    await t.api.signup({ email: 'target@example.com', password: 'right-password' });
    for (let i = 0; i < 3; i++) {
      const r = await t.api.call('POST', '/api/v1/auth/login', {
        body: { email: 'target@example.com', password: `guess-${i}-xx` },
      });
      expect(r.status).toBe(401);
    }
    const blocked = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: 'target@example.com', password: 'right-password' },
    });
    expect(blocked).toMatchObject({ status: 429, body: { code: 'too_many_attempts' } });
    expect(blocked.body.message).toMatch(/Try again in \d+ minute/);
  });

  it('parallel guesses at one account cannot outrun its limit', async () => {
    await t.api.signup({ email: 'raced@example.com', password: 'right-password' });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api.call('POST', '/api/v1/auth/login', {
          body: { email: 'raced@example.com', password: `guess-${i}-wrong` },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([
      401, 401, 401, 429, 429, 429, 429, 429, 429, 429,
    ]);
    const right = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: 'raced@example.com', password: 'right-password' },
    });
    expect(right.status).toBe(429);
  });

  it('refuses a deactivated member and ends their sessions', async () => {
    const admin = await t.api.signup();
    const invite = await t.api.call('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'leaver@example.com', name: 'Leaver', role: 'employee' },
    });
    const leaver = await t.api.call<SessionDto>(
      'POST',
      `/api/v1/invitations/${invite.body.token}/accept`,
      {
        body: { password: 'leaver-password' },
      },
    );
    const off = await t.api.call('PATCH', `/api/v1/members/${leaver.body.member.id}`, {
      token: admin.token,
      body: { active: false },
    });
    expect(off).toMatchObject({ status: 200, body: { active: false } });
    expect((await t.api.call('GET', '/api/v1/me', { token: leaver.body.token })).status).toBe(401);
    const login = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: 'leaver@example.com', password: 'leaver-password' },
    });
    expect(login).toMatchObject({ status: 403, body: { code: 'member_inactive' } });
    // Ended, not only hidden while inactive: coming back does not revive the old login.
    const on = await t.api.call('PATCH', `/api/v1/members/${leaver.body.member.id}`, {
      token: admin.token,
      body: { active: true },
    });
    expect(on).toMatchObject({ status: 200, body: { active: true } });
    expect((await t.api.call('GET', '/api/v1/me', { token: leaver.body.token })).status).toBe(401);
  });
});
