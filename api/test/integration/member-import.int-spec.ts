import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { SmtpSink } from '../../../test/support/smtp-sink';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

/** Members from a CSV file: a preview with each row's problems, then an idempotent apply. */
describe('member import from CSV', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let org: OrgFixture;
  const admin = () => ({ token: org.admin.token });
  const preview = (csv: string, token = org.admin.token) =>
    t.api.call('POST', '/api/v1/member-import/preview', { token, body: { csv } });
  const apply = (csv: string, token = org.admin.token) =>
    t.api.call('POST', '/api/v1/member-import/apply', { token, body: { csv } });
  const invitationRows = async () =>
    (
      await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM invitations WHERE organization_id = $1 AND accepted_at IS NULL`,
        [org.admin.member.organization.id],
      )
    )[0].n;
  const mailsTo = async (address: string) =>
    (
      await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox WHERE recipient = $1 AND kind = 'invitation'`,
        [address],
      )
    )[0].n;

  beforeAll(async () => {
    sink = await SmtpSink.create();
    t = await startTestApp({ env: { SMTP_URL: sink.url, MAIL_POLL_MS: '50' } });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: { mia: { team: 0 }, max: { role: 'manager', team: 1, manages: [1] } },
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('previews every row with its problems and writes nothing', async () => {
    const mia = org.people.mia.member.email;
    const csv = [
      'Name;E-mail;Role;Team;Part-time factor',
      'Nora Haddad;nora@example.com;employee;harbour;0,5',
      '"Sami ""the baker"" Aziz";SAMI@example.com;;Old Town;',
      'Bad Mail;not-an-email;employee;;',
      'Nora Again;nora@example.com;employee;;',
      `mia;${mia};employee;Harbour;`,
      'Zed;zed@example.com;boss;Nowhere;1.5',
      `Max Renamed;${org.people.max.member.email};manager;Old Town;0.8`,
      `Someone;${org.admin.member.email};employee;;`,
    ].join('\r\n');
    const before = await invitationRows();
    expect(before).toBe(0);
    const res = await preview(csv);
    expect(res.status).toBe(200);
    const byLine = (line: number) =>
      (res.body.rows as { line: number; errors: unknown[] }[]).find((r) => r.line === line);
    expect(byLine(2)).toMatchObject({
      name: 'Nora Haddad',
      email: 'nora@example.com',
      team: 'harbour',
      partTimeFactor: 0.5,
      action: 'invite',
      errors: [],
    });
    expect(byLine(3)).toMatchObject({
      name: 'Sami "the baker" Aziz',
      email: 'sami@example.com',
      role: null,
      action: 'invite',
    });
    expect(byLine(4)).toMatchObject({
      action: 'error',
      errors: [{ field: 'email', code: 'invalid_email' }],
    });
    expect(byLine(5)).toMatchObject({
      action: 'error',
      errors: [{ field: 'email', code: 'repeated_email', params: { line: 2 } }],
    });
    expect(byLine(6)).toMatchObject({ action: 'unchanged', existing: 'member', changes: [] });
    expect(byLine(7)?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'role', code: 'invalid_role' }),
        expect.objectContaining({ field: 'partTimeFactor', code: 'invalid_factor' }),
        expect.objectContaining({ field: 'team', code: 'unknown_team' }),
      ]),
    );
    expect(byLine(8)).toMatchObject({
      action: 'update',
      existing: 'member',
      changes: ['name', 'partTimeFactor'],
    });
    // The admin's own row would make them an employee.
    expect(byLine(9)).toMatchObject({
      action: 'error',
      errors: [expect.objectContaining({ field: 'role', code: 'own_role' })],
    });
    expect(res.body.counts).toEqual({ invite: 2, update: 1, unchanged: 1, error: 4 });

    // Nothing written by a preview, and an apply of a file with errors writes nothing either.
    expect(await invitationRows()).toBe(before);
    expect(await apply(csv)).toMatchObject({
      status: 422,
      body: { code: 'member_import_invalid' },
    });
    expect(await invitationRows()).toBe(before);
    const max = await t.api.call('GET', `/api/v1/members/${org.people.max.member.id}`, admin());
    expect(max.body).toMatchObject({ name: 'max', partTimeFactor: 1 });
  });

  it('refuses files it cannot read with a 400 naming the file', async () => {
    expect(await preview('name,email\n"Unclosed,quote@example.com\n')).toMatchObject({
      status: 400,
      body: { details: [{ field: 'csv', code: 'invalid' }] },
    });
    expect(await preview('email,shoe size\na@example.com,42\n')).toMatchObject({
      status: 400,
      body: { details: [{ field: 'csv', code: 'unknown_field' }] },
    });
    expect(await preview('name,email\n')).toMatchObject({
      status: 400,
      body: { details: [{ field: 'csv', code: 'required' }] },
    });
    const tooMany = ['name,email', ...Array.from({ length: 2001 }, (_, i) => `P${i},p${i}@x.com`)];
    expect(await preview(tooMany.join('\n'))).toMatchObject({
      status: 400,
      body: { details: [{ field: 'csv', code: 'too_many' }] },
    });
  });

  it('applies once: invitations and mails are not repeated, members change only where they differ', async () => {
    const max = org.people.max.member;
    const csv =
      '\uFEFFname,email,role,team,part-time factor\n' +
      'Lina Saleh,lina@example.com,employee,Harbour,0.5\n' +
      '"Omar, the new one",omar@example.com,manager,Old Town,\n' +
      `Max Renamed,${max.email},,Old Town,0.8\n`;

    const first = await apply(csv);
    expect(first.status).toBe(200);
    expect(first.body.counts).toEqual({ invite: 2, update: 1, unchanged: 0, error: 0 });
    expect(first.body.invited.map((i: { email: string }) => i.email).sort()).toEqual([
      'lina@example.com',
      'omar@example.com',
    ]);
    expect(first.body.invited[0]).toMatchObject({ emailed: true });
    expect(first.body.invited[0].url).toMatch(/\/invite\//);
    const updated = await t.api.call('GET', `/api/v1/members/${max.id}`, admin());
    expect(updated.body).toMatchObject({
      name: 'Max Renamed',
      role: 'manager',
      partTimeFactor: 0.8,
    });
    await sink.mailsTo('lina@example.com');
    const invitations = await invitationRows();
    expect(invitations).toBe(2);
    expect(await mailsTo('lina@example.com')).toBe(1);

    // The same file again: nothing to do.
    const again = await apply(csv);
    expect(again.body).toEqual({
      counts: { invite: 0, update: 0, unchanged: 3, error: 0 },
      invited: [],
    });
    expect(await invitationRows()).toBe(invitations);
    expect(await mailsTo('lina@example.com')).toBe(1);
    expect(await mailsTo('omar@example.com')).toBe(1);

    // A changed cell for a pending invitation changes it in place: no new link, no new mail.
    const changed = csv.replace(
      'lina@example.com,employee,Harbour,0.5',
      'lina@example.com,employee,Harbour,0.6',
    );
    const third = await apply(changed);
    expect(third.body.counts).toEqual({ invite: 0, update: 1, unchanged: 2, error: 0 });
    expect(await invitationRows()).toBe(invitations);
    expect(await mailsTo('lina@example.com')).toBe(1);
    const [lina] = await t.db.query<{ part_time_factor: string; revoked_at: Date | null }[]>(
      `SELECT part_time_factor, revoked_at FROM invitations WHERE email = 'lina@example.com'`,
    );
    expect(lina).toEqual({ part_time_factor: '0.60', revoked_at: null });

    // Accepting carries the factor and team over to the new member.
    const pending = await t.api.call('GET', '/api/v1/invitations', admin());
    expect(pending.body.filter((i: { email: string }) => i.email === 'omar@example.com')).toEqual([
      expect.objectContaining({
        name: 'Omar, the new one',
        role: 'manager',
        teamId: org.teams[1].id,
      }),
    ]);
  });

  it('is for admins only: a manager or an employee gets 403', async () => {
    const csv = 'name,email\nEve,eve@example.com\n';
    for (const who of ['max', 'mia']) {
      const token = org.people[who].token;
      expect((await preview(csv, token)).status).toBe(403);
      expect((await apply(csv, token)).status).toBe(403);
    }
    expect(await mailsTo('eve@example.com')).toBe(0);
  });
});
