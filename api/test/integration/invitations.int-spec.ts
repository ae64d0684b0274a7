import { startTestApp, ManualClock, type TestApp } from '../../../test/support/test-app';

describe('invitations', () => {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ clock })));
  afterAll(() => t.close());

  it('expire after 7 days with 410', async () => {
    const admin = await t.api.signup();
    const invite = await t.api.call('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'late@example.com', name: 'Late Comer', role: 'manager' },
    });
    expect(invite.body.expiresAt).toBe('2026-03-08T09:00:00.000Z');
    clock.advance(7 * 86_400_000 - 1000);
    expect((await t.api.call('GET', `/api/v1/invitations/${invite.body.token}`)).status).toBe(200);
    clock.advance(2000);
    const expired = await t.api.call('POST', `/api/v1/invitations/${invite.body.token}/accept`, {
      body: { password: 'some-password' },
    });
    expect(expired).toMatchObject({ status: 410, body: { code: 'invitation_expired' } });
    expect((await t.api.call('GET', `/api/v1/invitations/${invite.body.token}`)).status).toBe(410);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM members WHERE email = 'late@example.com'`,
    );
    expect(count).toBe(0);
  });

  it('answers 404 for an unknown or revoked link', async () => {
    const admin = await t.api.signup();
    expect((await t.api.call('GET', '/api/v1/invitations/not-a-token')).status).toBe(404);
    const invite = await t.api.call('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'revoked@example.com', name: 'Revoked', role: 'employee' },
    });
    expect(
      (await t.api.call('DELETE', `/api/v1/invitations/${invite.body.id}`, { token: admin.token }))
        .status,
    ).toBe(204);
    expect((await t.api.call('GET', `/api/v1/invitations/${invite.body.token}`)).status).toBe(404);
  });

  it('refuses to invite an address that already has an account', async () => {
    const admin = await t.api.signup({ email: 'taken@example.com' });
    const res = await t.api.call('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'TAKEN@example.com', name: 'Dup', role: 'employee' },
    });
    expect(res).toMatchObject({ status: 409, body: { code: 'email_taken' } });
  });
});
