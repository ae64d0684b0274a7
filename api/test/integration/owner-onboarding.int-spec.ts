import type { SessionDto } from '@bravo/shared';
import { orgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const signupBody = (email: string, extra: object = {}) => ({
  organizationName: 'Corner Shop',
  name: 'Owner',
  email,
  password: 'a-long-password',
  timezone: 'Europe/Paris',
  ...extra,
});

describe('owner onboarding', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  describe('signup with starter values', () => {
    it('creates the ticked values with the organisation, hashtags made from the names', async () => {
      const signup = await t.api.call<SessionDto>('POST', '/api/v1/auth/signup', {
        body: signupBody('starter@example.com', {
          values: [
            { name: 'Warm welcome', description: 'Every customer feels expected.' },
            { name: 'ترحيب حار', emoji: '👋' },
            { name: 'Own it', hashtag: 'OwnIt', color: '#0f766e' },
          ],
        }),
      });
      expect(signup.status).toBe(201);
      const values = await t.api.ok('GET', '/api/v1/values', { token: signup.body.token });
      expect(values.map((v: { hashtag: string }) => v.hashtag).sort()).toEqual(
        ['OwnIt', 'WarmWelcome', 'ترحيب_حار'].sort(),
      );
      expect(values.find((v: { name: string }) => v.name === 'Warm welcome')).toMatchObject({
        description: 'Every customer feels expected.',
      });
    });

    it('creates nothing when a value is refused: the organisation and the values share one transaction', async () => {
      const refused = await t.api.call('POST', '/api/v1/auth/signup', {
        body: signupBody('twice@example.com', {
          values: [{ name: 'Same' }, { name: 'same' }],
        }),
      });
      expect(refused).toMatchObject({ status: 409, body: { code: 'value_name_taken' } });
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM members WHERE email = 'twice@example.com'`,
      );
      expect(count).toBe(0);
    });

    it('bounds the list and checks each value', async () => {
      const tooMany = await t.api.call('POST', '/api/v1/auth/signup', {
        body: signupBody('many@example.com', {
          values: Array.from({ length: 9 }, (_, i) => ({ name: `Value ${i}` })),
        }),
      });
      expect(tooMany.status).toBe(400);
      const bad = await t.api.call('POST', '/api/v1/auth/signup', {
        body: signupBody('bad@example.com', { values: [{ name: '' }] }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0]).toMatchObject({ field: 'values.0.name', code: 'too_short' });
    });
  });

  describe('bulk invitations', () => {
    it('previews every line with its problems and creates nothing', async () => {
      const org = await orgFixture(t, { teams: ['Bakery'], people: { ana: {} } });
      const anaEmail = org.people.ana.member.email;
      const text = [
        'Kai Baker, kai@bulk.example, bakery',
        '',
        'Lena, not-an-email',
        `Ana Again, ${anaEmail}`,
        'Kai Twice, KAI@bulk.example',
        'Sam, sam@bulk.example, Nowhere',
      ].join('\n');
      const preview = await t.api.call('POST', '/api/v1/invitations/bulk/preview', {
        token: org.admin.token,
        body: { text },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.valid).toBe(1);
      expect(
        preview.body.lines.map((l: { line: number; errors: { code: string }[] }) => [
          l.line,
          l.errors.map((e) => e.code),
        ]),
      ).toEqual([
        [1, []],
        [3, ['invalid_email']],
        [4, ['already_member']],
        [5, ['repeated']],
        [6, ['unknown_team']],
      ]);
      expect(preview.body.lines[0].teamId).toBe(org.teams[0].id);

      const refused = await t.api.call('POST', '/api/v1/invitations/bulk', {
        token: org.admin.token,
        body: { text },
      });
      expect(refused).toMatchObject({ status: 422, body: { code: 'bulk_invitation_invalid' } });
      const pending = await t.api.ok('GET', '/api/v1/invitations', { token: org.admin.token });
      expect(pending).toEqual([]);
    });

    it('creates every invitation once, however often the same request is retried', async () => {
      const org = await orgFixture(t, { teams: ['Tills'], people: {} });
      const text = 'Kai, kai@retry.example, Tills\nLena, lena@retry.example';
      const send = () =>
        t.api.call('POST', '/api/v1/invitations/bulk', {
          token: org.admin.token,
          body: { text },
          headers: { 'Idempotency-Key': 'bulk-1' },
        });
      const first = await send();
      expect(first.status).toBe(201);
      expect(first.body.replayed).toBe(false);
      expect(first.body.invitations).toHaveLength(2);
      expect(first.body.invitations[0]).toMatchObject({
        email: 'kai@retry.example',
        teamId: org.teams[0].id,
        role: 'employee',
      });
      expect(first.body.invitations[0].url).toMatch(/\/invite\/.+/);
      expect(first.body.invitations[0]).not.toHaveProperty('token');

      const again = await send();
      expect(again.status).toBe(201);
      expect(again.body.replayed).toBe(true);
      expect(again.body.invitations.map((i: { id: string }) => i.id)).toEqual(
        first.body.invitations.map((i: { id: string }) => i.id),
      );
      expect(again.body.invitations[0].url).toBeNull();
      const stored = await t.db.query(`SELECT response_body::text AS body FROM idempotency_keys`);
      expect(stored.map((r: { body: string }) => r.body).join()).not.toContain('/invite/');

      const pending = await t.api.ok('GET', '/api/v1/invitations', { token: org.admin.token });
      expect(pending).toHaveLength(2);
      // The links work: the invitee can open one.
      const token = first.body.invitations[1].url.split('/invite/')[1];
      expect((await t.api.call('GET', `/api/v1/invitations/${token}`)).status).toBe(200);
    });

    it('is bounded, for admins only, and keeps to the caller’s organisation', async () => {
      const org = await orgFixture(t, { teams: ['Own'], people: { emp: {} } });
      const other = await orgFixture(t, { teams: ['Foreign'], people: {} });
      const tooMany = Array.from({ length: 201 }, (_, i) => `P${i}, p${i}@many.example`).join('\n');
      const bounded = await t.api.call('POST', '/api/v1/invitations/bulk/preview', {
        token: org.admin.token,
        body: { text: tooMany },
      });
      expect(bounded.status).toBe(400);
      expect(bounded.body.details[0]).toMatchObject({ field: 'text', code: 'too_many' });
      const employee = await t.api.call('POST', '/api/v1/invitations/bulk/preview', {
        token: org.people.emp.token,
        body: { text: 'A, a@x.example' },
      });
      expect(employee.status).toBe(403);
      const foreign = await t.api.call('POST', '/api/v1/invitations/bulk/preview', {
        token: org.admin.token,
        body: { text: 'A, a@x.example, Foreign' },
      });
      expect(foreign.body.lines[0].errors).toEqual([
        { field: 'team', code: 'unknown_team', params: {} },
      ]);
      expect(other.teams[0].name).toBe('Foreign');
    });
  });

  describe('the owner’s checklist', () => {
    it('follows each first step', async () => {
      const admin = await t.api.signup();
      const auth = { token: admin.token };
      const checklist = () => t.api.ok('GET', '/api/v1/onboarding/checklist', auth);
      expect(await checklist()).toEqual({
        values: false,
        team: false,
        colleagues: false,
        screen: false,
        kudos: false,
      });
      const value = await t.api.ok('POST', '/api/v1/values', {
        ...auth,
        body: { name: 'Own It', hashtag: 'OwnIt' },
      });
      const team = await t.api.ok('POST', '/api/v1/teams', { ...auth, body: { name: 'Front' } });
      expect(await checklist()).toMatchObject({ values: true, team: true, colleagues: false });
      await t.api.ok('POST', '/api/v1/invitations', {
        ...auth,
        body: { email: 'first@check.example', name: 'First', role: 'employee' },
      });
      expect(await checklist()).toMatchObject({ colleagues: true, screen: false });
      await t.api.ok('POST', '/api/v1/displays', {
        ...auth,
        body: { name: 'Front TV', scope: 'team', teamId: team.id },
      });
      const colleague = await t.api.addMember(
        admin.token,
        { email: 'second@check.example', name: 'Second', role: 'employee', teamId: team.id },
        'second-password',
      );
      expect(await checklist()).toMatchObject({ screen: true, kudos: false });
      await t.api.ok('POST', '/api/v1/kudos', {
        ...auth,
        body: {
          recipientIds: [colleague.member.id],
          valueId: value.id,
          message: 'Thanks for the warm welcome!',
          points: 5,
        },
      });
      expect(await checklist()).toEqual({
        values: true,
        team: true,
        colleagues: true,
        screen: true,
        kudos: true,
      });
      const employee = await t.api.call('GET', '/api/v1/onboarding/checklist', {
        token: colleague.token,
      });
      expect(employee.status).toBe(403);
    });
  });
});
