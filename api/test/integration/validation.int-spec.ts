import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('bad input gets a 400 naming the field and writes nothing', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  const validSignup = {
    organizationName: 'Valid Org',
    name: 'Val Id',
    email: 'valid@example.com',
    password: 'valid-password',
    timezone: 'Europe/Berlin',
  };

  it.each([
    ['an unknown field', { ...validSignup, isAdmin: true }, 'isAdmin', /not an allowed field/],
    ['a malformed email', { ...validSignup, email: 'not-an-email' }, 'email', /valid e-mail/],
    ['a short password', { ...validSignup, password: 'short' }, 'password', /at least 10/],
    ['an unknown time zone', { ...validSignup, timezone: 'Mars/Olympus' }, 'timezone', /time zone/],
    ['a missing name', { ...validSignup, name: undefined }, 'name', /name/],
  ])('signup with %s', async (_, body, field, message) => {
    const before = [await count('organizations'), await count('members')];
    const res = await t.api.call('POST', '/api/v1/auth/signup', { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.message).toContain(field);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      ]),
    );
    expect([await count('organizations'), await count('members')]).toEqual(before);
  });

  it('rejects unknown and out-of-range fields on admin updates without changing anything', async () => {
    const admin = await t.api.signup();
    const before = await t.api.call('GET', '/api/v1/organization', { token: admin.token });

    const unknown = await t.api.call('PATCH', '/api/v1/organization', {
      token: admin.token,
      body: { name: 'Renamed', rules: { allowanceEmployee: 150, bonus: 5 } },
    });
    expect(unknown).toMatchObject({ status: 400, body: { details: [{ field: 'rules.bonus' }] } });

    const range = await t.api.call('PATCH', '/api/v1/organization', {
      token: admin.token,
      body: { rules: { maxShareToOneRecipientPercent: 140 } },
    });
    expect(range.status).toBe(400);
    expect(range.body.details[0].field).toBe('rules.maxShareToOneRecipientPercent');

    expect((await t.api.call('GET', '/api/v1/organization', { token: admin.token })).body).toEqual(
      before.body,
    );
  });

  it('rejects a malformed invitation email and a bad role', async () => {
    const admin = await t.api.signup();
    const res = await t.api.call('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'nope', name: 'X', role: 'boss' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'email',
      'role',
    ]);
    expect(await count('invitations')).toBe(0);
  });

  it('rejects a bad hashtag and colour on values', async () => {
    const admin = await t.api.signup();
    const res = await t.api.call('POST', '/api/v1/values', {
      token: admin.token,
      body: { name: 'Kindness', hashtag: 'be kind!', color: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'color',
      'hashtag',
    ]);
  });
});
