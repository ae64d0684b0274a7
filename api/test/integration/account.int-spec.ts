import { orgFixture } from '../../../test/support/org-fixture';
import { SmtpSink } from '../../../test/support/smtp-sink';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';

const unique = () => Math.random().toString(36).slice(2, 8);
const tokenOf = (url: string) => url.split('/reset-password/')[1];

async function login(t: TestApp, email: string, password: string) {
  return t.api.call('POST', '/api/v1/auth/login', { body: { email, password } });
}

describe('account self-service', () => {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp({ clock, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } })),
  );
  afterAll(() => t.close());

  describe('changing the password', () => {
    it('needs the current password, ends the other logins and keeps this one', async () => {
      const org = await orgFixture(t, { people: { lena: {} } });
      const here = org.people.lena;
      const elsewhere = (await login(t, here.member.email, 'fixture-password')).body;
      const wrong = await t.api.call('POST', '/api/v1/auth/password', {
        token: here.token,
        body: { currentPassword: 'not-it', newPassword: 'a-brand-new-secret' },
      });
      expect(wrong).toMatchObject({
        status: 400,
        body: { details: [{ field: 'currentPassword', code: 'wrong_password' }] },
      });
      expect((await login(t, here.member.email, 'a-brand-new-secret')).status).toBe(401);

      const changed = await t.api.call('POST', '/api/v1/auth/password', {
        token: here.token,
        body: { currentPassword: 'fixture-password', newPassword: 'a-brand-new-secret' },
      });
      expect(changed.status).toBe(204);
      expect((await t.api.call('GET', '/api/v1/me', { token: here.token })).status).toBe(200);
      expect((await t.api.call('GET', '/api/v1/me', { token: elsewhere.token })).status).toBe(401);
      expect((await login(t, here.member.email, 'fixture-password')).status).toBe(401);
      expect((await login(t, here.member.email, 'a-brand-new-secret')).status).toBe(200);
    });

    it('is throttled like logging in', async () => {
      const org = await orgFixture(t, { people: { omar: {} } });
      const [{ password_hash: passwordHashBefore }] = await t.db.query(
        `SELECT password_hash FROM members WHERE id = $1`,
        [org.people.omar.member.id],
      );
      const attempt = (currentPassword: string) =>
        t.api.call('POST', '/api/v1/auth/password', {
          token: org.people.omar.token,
          body: { currentPassword, newPassword: 'another-new-secret' },
        });
      for (let i = 0; i < 3; i++) {
        expect((await attempt(`guess-${i}`)).status).toBe(400);
      }
      expect(await attempt('fixture-password')).toMatchObject({
        status: 429,
        body: { code: 'too_many_attempts' },
      });
      // Still the old password (the account's login attempts are used up too).
      const [{ same }] = await t.db.query(
        `SELECT password_hash = $2 AS same FROM members WHERE id = $1`,
        [org.people.omar.member.id, passwordHashBefore],
      );
      expect(same).toBe(true);
    });

    it('refuses a short new password', async () => {
      const org = await orgFixture(t, { people: { ada: {} } });
      const res = await t.api.call('POST', '/api/v1/auth/password', {
        token: org.people.ada.token,
        body: { currentPassword: 'fixture-password', newPassword: 'short' },
      });
      expect(res).toMatchObject({
        status: 400,
        body: { details: [{ field: 'newPassword', code: 'too_short' }] },
      });
    });
  });

  describe('a reset link made by an admin', () => {
    it('works once, ends every login and logs the member in', async () => {
      const org = await orgFixture(t, { people: { lena: {} } });
      const lena = org.people.lena;
      const link = await t.api.ok('POST', '/api/v1/password-resets', {
        token: org.admin.token,
        body: { memberId: lena.member.id },
      });
      expect(link.expiresAt).toBe(new Date(clock.now().getTime() + 86_400_000).toISOString());
      const token = tokenOf(link.url);
      expect(await t.api.ok('GET', `/api/v1/password-resets/${token}`)).toMatchObject({
        name: 'lena',
      });
      const reset = await t.api.call('POST', `/api/v1/password-resets/${token}`, {
        body: { password: 'chosen-after-reset' },
      });
      expect(reset.status).toBe(200);
      expect(reset.body.member.id).toBe(lena.member.id);
      expect((await t.api.call('GET', '/api/v1/me', { token: lena.token })).status).toBe(401);
      expect((await t.api.call('GET', '/api/v1/me', { token: reset.body.token })).status).toBe(200);
      expect((await login(t, lena.member.email, 'chosen-after-reset')).status).toBe(200);

      const again = await t.api.call('POST', `/api/v1/password-resets/${token}`, {
        body: { password: 'a-second-try-here' },
      });
      expect(again).toMatchObject({ status: 410, body: { code: 'reset_link_used' } });
      const [{ hashes }] = await t.db.query(
        `SELECT count(*)::int AS hashes FROM password_resets WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
        [token],
      );
      expect(hashes).toBe(1); // stored only as a hash
    });

    it('is replaced by a newer one and expires after a day', async () => {
      const org = await orgFixture(t, { people: { omar: {} } });
      const make = () =>
        t.api.ok('POST', '/api/v1/password-resets', {
          token: org.admin.token,
          body: { memberId: org.people.omar.member.id },
        });
      const first = tokenOf((await make()).url);
      const second = tokenOf((await make()).url);
      expect((await t.api.call('GET', `/api/v1/password-resets/${first}`)).status).toBe(404);
      clock.advance(86_400_000 + 1000);
      const late = await t.api.call('POST', `/api/v1/password-resets/${second}`, {
        body: { password: 'too-late-for-this' },
      });
      expect(late).toMatchObject({ status: 410, body: { code: 'reset_link_expired' } });
      expect((await login(t, org.people.omar.member.email, 'fixture-password')).status).toBe(200);
    });

    it('is only for admins, and only for their own organisation', async () => {
      const org = await orgFixture(t, { people: { lena: {} } });
      const other = await t.api.signup();
      const body = { memberId: org.people.lena.member.id };
      expect(
        (
          await t.api.call('POST', '/api/v1/password-resets', {
            token: org.people.lena.token,
            body,
          })
        ).status,
      ).toBe(403);
      expect(
        (await t.api.call('POST', '/api/v1/password-resets', { token: other.token, body })).status,
      ).toBe(404);
      expect(
        (
          await t.api.call('POST', '/api/v1/password-resets/not-a-real-token', {
            body: { password: 'whatever-it-is' },
          })
        ).status,
      ).toBe(404);
    });
  });

  it('without a mail server, "forgot password" sends people to their admin, whoever asks', async () => {
    const org = await orgFixture(t, { people: { lena: {} } });
    for (const email of [org.people.lena.member.email, `nobody-${unique()}@example.com`]) {
      const res = await t.api.call('POST', '/api/v1/password-resets/requests', { body: { email } });
      expect(res).toMatchObject({ status: 202, body: { delivery: 'admin' } });
    }
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM password_resets WHERE member_id = $1`,
      [org.people.lena.member.id],
    );
    expect(count).toBe(0);
  });

  describe('profile', () => {
    it('lets a member change their own name, language and kudos e-mails', async () => {
      const org = await orgFixture(t, { people: { lena: {} } });
      const me = await t.api.ok('PATCH', '/api/v1/me', {
        token: org.people.lena.token,
        body: { name: 'Lena Fischer', locale: 'ar', emailOnKudos: true },
      });
      expect(me).toMatchObject({ name: 'Lena Fischer', locale: 'ar', emailOnKudos: true });
      const bad = await t.api.call('PATCH', '/api/v1/me', {
        token: org.people.lena.token,
        body: { name: '   ', emailOnKudos: 'yes' },
      });
      expect(bad.status).toBe(400);
      expect(await t.api.ok('GET', '/api/v1/me', { token: org.people.lena.token })).toMatchObject({
        name: 'Lena Fischer',
      });
    });

    it("lets admins change a member's name and e-mail, never to a taken address", async () => {
      const org = await orgFixture(t, { people: { lena: {}, omar: {} } });
      const path = `/api/v1/members/${org.people.lena.member.id}`;
      const email = `lena-${unique()}@example.com`;
      const updated = await t.api.ok('PATCH', path, {
        token: org.admin.token,
        body: { name: 'Lena F.', email: email.toUpperCase() },
      });
      expect(updated).toMatchObject({ name: 'Lena F.', email });
      expect((await login(t, email, 'fixture-password')).status).toBe(200);
      const taken = await t.api.call('PATCH', path, {
        token: org.admin.token,
        body: { email: org.people.omar.member.email },
      });
      expect(taken).toMatchObject({ status: 409, body: { code: 'email_taken' } });
      expect(
        (await t.api.call('PATCH', path, { token: org.people.omar.token, body: { name: 'X' } }))
          .status,
      ).toBe(403);
      const other = await t.api.signup();
      expect(
        (await t.api.call('PATCH', path, { token: other.token, body: { name: 'X' } })).status,
      ).toBe(404);
    });
  });
});

describe('"forgot password" with a mail server', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await SmtpSink.create();
    t = await startTestApp({
      env: {
        SMTP_URL: sink.url,
        MAIL_POLL_MS: '50',
        PASSWORD_RESET_MAX_REQUESTS: '2',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('answers the same for any address and e-mails a link in the member language', async () => {
    const org = await orgFixture(t, { people: { lena: {} } });
    const lena = org.people.lena;
    await t.api.ok('PATCH', '/api/v1/me', { token: lena.token, body: { locale: 'ar' } });
    const ask = async (email: string) => {
      const started = Date.now();
      const res = await t.api.call('POST', '/api/v1/password-resets/requests', {
        body: { email },
      });
      return { ...res, ms: Date.now() - started };
    };
    const known = await ask(lena.member.email.toUpperCase());
    const unknown = await ask(`nobody-${unique()}@example.com`);
    for (const res of [known, unknown]) {
      expect(res).toMatchObject({ status: 202, body: { delivery: 'email' } });
      expect(res.ms).toBeGreaterThanOrEqual(240);
    }
    const [, mail] = await sink.mailsTo(lena.member.email, 2); // after her invitation
    expect(mail.subject).toBe('إعادة تعيين كلمة مرور برافو');
    const url = /http\S+\/reset-password\/\S+/.exec(mail.text)?.[0] ?? '';
    const reset = await t.api.call('POST', `/api/v1/password-resets/${tokenOf(url)}`, {
      body: { password: 'from-the-e-mail-link' },
    });
    expect(reset.status).toBe(200);
    expect((await t.api.call('GET', '/api/v1/me', { token: lena.token })).status).toBe(401);
  });

  it('is rate-limited per address', async () => {
    const email = `target-${unique()}@example.com`;
    const ask = () => t.api.call('POST', '/api/v1/password-resets/requests', { body: { email } });
    expect((await ask()).status).toBe(202);
    expect((await ask()).status).toBe(202);
    expect(await ask()).toMatchObject({ status: 429, body: { code: 'too_many_attempts' } });
  });
});
