import { orgFixture } from '../../../test/support/org-fixture';
import { SmtpSink } from '../../../test/support/smtp-sink';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

const mailEnv = (sink: SmtpSink) => ({
  SMTP_URL: sink.url,
  MAIL_FROM: 'Bravo <bravo@shop.example>',
  MAIL_POLL_MS: '50',
  MAIL_RETRY_BASE_MS: '50',
});

const unique = () => Math.random().toString(36).slice(2, 8);

async function invite(t: TestApp, adminToken: string, email: string) {
  return t.api.ok('POST', '/api/v1/invitations', {
    token: adminToken,
    body: { email, name: 'New Colleague', role: 'employee' },
  });
}

async function outboxRow(t: TestApp, recipient: string, kind = 'invitation') {
  const [row] = await t.db.query(
    `SELECT attempts, sent_at, last_error, body FROM outbox WHERE recipient = $1 AND kind = $2`,
    [recipient, kind],
  );
  return row as
    { attempts: number; sent_at: Date | null; last_error: string | null; body: string } | undefined;
}

describe('e-mail through the outbox', () => {
  describe('with a mail server', () => {
    let sink: SmtpSink;
    let t: TestApp;
    beforeAll(async () => {
      sink = await SmtpSink.create();
      t = await startTestApp({ env: mailEnv(sink) });
    });
    afterAll(async () => {
      await t.close();
      await sink.stop();
    });

    it('e-mails an invitation once, with its link', async () => {
      const admin = await t.api.signup({ organizationName: 'Corner Bakery' });
      const to = `invitee-${unique()}@example.com`;
      const created = await invite(t, admin.token, to);
      expect(created.emailed).toBe(true);
      const [mail] = await sink.mailsTo(to);
      expect(mail.subject).toContain('Corner Bakery');
      expect(mail.text).toContain(created.url);
      await until(async () => !!(await outboxRow(t, to))?.sent_at, 5000, 'the mail marked sent');
      // A later mail has gone through the same worker: the first one was not sent again.
      const later = `later-${unique()}@example.com`;
      await invite(t, admin.token, later);
      await sink.mailsTo(later);
      expect(await sink.mailsTo(to)).toHaveLength(1);
      // Sent once, and the one-time link is no longer kept in the clear.
      expect(await outboxRow(t, to)).toMatchObject({ attempts: 1, last_error: null, body: '' });
    });

    it('writes a kudos e-mail in the recipient language, only to those who turned it on', async () => {
      const org = await orgFixture(t, { people: { lena: {}, omar: {}, chloe: {} } });
      const lena = org.people.lena.member;
      const omar = org.people.omar.member;
      expect(org.people.lena.member.emailOnKudos).toBe(false);
      await t.api.ok('PATCH', '/api/v1/me', {
        token: org.people.lena.token,
        body: { locale: 'ar', emailOnKudos: true },
      });
      await t.api.ok('POST', '/api/v1/kudos', {
        token: org.people.chloe.token,
        body: {
          recipientIds: [lena.id, omar.id],
          valueId: org.valueId,
          message: 'Thanks for covering my shift',
          points: 5,
        },
      });
      // Her invitation first (in the inviter's English), then the kudos in her Arabic.
      const [, mail] = await sink.mailsTo(lena.email, 2);
      expect(mail.subject).toBe('chloe أرسل إليك شكرًا');
      expect(mail.text).toContain('Thanks for covering my shift');
      // Omar did not turn it on: nothing was even queued for him.
      expect(await outboxRow(t, omar.email, 'kudos_received')).toBeUndefined();
    });

    it('queues nothing when the giving fails', async () => {
      const org = await orgFixture(t, { people: { lena: {}, chloe: {} } });
      await t.api.ok('PATCH', '/api/v1/me', {
        token: org.people.lena.token,
        body: { emailOnKudos: true },
      });
      const refused = await t.api.call('POST', '/api/v1/kudos', {
        token: org.people.chloe.token,
        body: {
          recipientIds: [org.people.lena.member.id],
          valueId: org.valueId,
          message: 'Far too many points',
          points: 10_000,
        },
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await outboxRow(t, org.people.lena.member.email, 'kudos_received')).toBeUndefined();
    });
  });

  it('keeps the mail while the server is down and sends it once it is back', async () => {
    const sink = await SmtpSink.create({ listening: false });
    const t = await startTestApp({ env: mailEnv(sink) });
    try {
      const admin = await t.api.signup();
      const to = `patient-${unique()}@example.com`;
      const started = Date.now();
      await invite(t, admin.token, to);
      // The request did not wait for the mail server.
      expect(Date.now() - started).toBeLessThan(5000);
      await until(
        async () => ((await outboxRow(t, to))?.attempts ?? 0) >= 2,
        10_000,
        'two failed attempts',
      );
      const failed = await outboxRow(t, to);
      expect(failed?.sent_at).toBeNull();
      expect(failed?.last_error).toMatch(/ECONNREFUSED|connect/i);
      await sink.start();
      const mails = await sink.mailsTo(to, 1, 20_000);
      expect(mails).toHaveLength(1);
      await until(async () => !!(await outboxRow(t, to))?.sent_at, 5000, 'the mail marked sent');
      await sink.stop();
    } finally {
      await t.close();
    }
  });

  it('sends each mail once with two instances on one outbox', async () => {
    const sink = await SmtpSink.create();
    const a = await startTestApp({ env: mailEnv(sink) });
    const b = await startTestApp({ env: mailEnv(sink), shareDatabaseOf: a });
    try {
      const admin = await a.api.signup();
      const addresses = Array.from({ length: 30 }, (_, i) => `crowd-${i}-${unique()}@example.com`);
      // Queued through both instances, so both workers are woken and race for the rows.
      await Promise.all(addresses.map((to, i) => invite(i % 2 ? b : a, admin.token, to)));
      await until(
        () => addresses.every((to) => sink.received.some((m) => m.to === to)),
        20_000,
        'every invitation delivered',
      );
      const sentinel = `sentinel-${unique()}@example.com`;
      await invite(a, admin.token, sentinel);
      await invite(b, admin.token, `b-${sentinel}`);
      await sink.mailsTo(sentinel);
      await sink.mailsTo(`b-${sentinel}`);
      for (const to of addresses) {
        expect(sink.received.filter((m) => m.to === to)).toHaveLength(1);
      }
    } finally {
      await b.close();
      await a.close();
      await sink.stop();
    }
  });

  it('queues nothing without SMTP_URL: the admin copies the link', async () => {
    const t = await startTestApp();
    try {
      const admin = await t.api.signup();
      const to = `nomail-${unique()}@example.com`;
      const created = await invite(t, admin.token, to);
      expect(created).toMatchObject({ emailed: false, url: expect.stringContaining('/invite/') });
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM outbox`);
      expect(count).toBe(0);
    } finally {
      await t.close();
    }
  });
});
