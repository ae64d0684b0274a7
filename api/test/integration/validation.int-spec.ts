import { orgFixture } from '../../../test/support/org-fixture';
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
    ['an unknown field', { ...validSignup, isAdmin: true }, 'isAdmin', 'unknown_field', {}],
    ['a malformed email', { ...validSignup, email: 'not-an-email' }, 'email', 'invalid_email', {}],
    [
      'a short password',
      { ...validSignup, password: 'short' },
      'password',
      'too_short',
      { min: 10 },
    ],
    ['a long name', { ...validSignup, name: 'x'.repeat(101) }, 'name', 'too_long', { max: 100 }],
    [
      'an unknown time zone',
      { ...validSignup, timezone: 'Mars/Olympus' },
      'timezone',
      'invalid_time_zone',
      {},
    ],
    ['a missing name', { ...validSignup, name: undefined }, 'name', 'required', {}],
    ['a number for a name', { ...validSignup, name: 42 }, 'name', 'not_text', {}],
  ])('signup with %s', async (_, body, field, code, params) => {
    const before = [await count('organizations'), await count('members')];
    const res = await t.api.call('POST', '/api/v1/auth/signup', { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    // The top-level message is for logs and API readers; the details are what the web words.
    expect(res.body.message).toContain(field);
    expect(res.body.details).toContainEqual({ field, code, params });
    for (const detail of res.body.details) {
      expect(Object.keys(detail).sort()).toEqual(['code', 'field', 'params']);
    }
    expect([await count('organizations'), await count('members')]).toEqual(before);
  });

  it('names a missing field once, as required, not once per rule', async () => {
    const res = await t.api.call('POST', '/api/v1/auth/signup', {
      body: { ...validSignup, password: undefined },
    });
    expect(res.body.details).toEqual([{ field: 'password', code: 'required', params: {} }]);
  });

  it('rejects unknown and out-of-range fields on admin updates without changing anything', async () => {
    const admin = await t.api.signup();
    const before = await t.api.call('GET', '/api/v1/organization', { token: admin.token });

    const unknown = await t.api.call('PATCH', '/api/v1/organization', {
      token: admin.token,
      body: { name: 'Renamed', rules: { allowanceEmployee: 150, bonus: 5 } },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { details: [{ field: 'rules.bonus', code: 'unknown_field', params: {} }] },
    });

    const range = await t.api.call('PATCH', '/api/v1/organization', {
      token: admin.token,
      body: { rules: { maxShareToOneRecipientPercent: 140, maxKudosPerDay: 2.5 } },
    });
    expect(range.status).toBe(400);
    expect(range.body.details).toEqual([
      { field: 'rules.maxShareToOneRecipientPercent', code: 'too_large', params: { max: 100 } },
      { field: 'rules.maxKudosPerDay', code: 'not_whole_number', params: {} },
    ]);

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
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'invalid_email', params: {} },
        {
          field: 'role',
          code: 'invalid_choice',
          params: { allowed: 'employee, manager, admin' },
        },
      ]),
    );
    expect(res.body.details).toHaveLength(2);
    expect(await count('invitations')).toBe(0);
  });

  it('rejects a bad hashtag and colour on values', async () => {
    const admin = await t.api.signup();
    const res = await t.api.call('POST', '/api/v1/values', {
      token: admin.token,
      body: { name: 'Kindness', hashtag: 'be kind!', color: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'hashtag', code: 'invalid_hashtag', params: {} },
      { field: 'color', code: 'invalid_color', params: {} },
    ]);
  });

  describe('on a kudos', () => {
    it('names the rules of the form and of the organisation with their bounds', async () => {
      const org = await orgFixture(t, { people: { sam: {}, lena: {} } });
      const give = (body: Record<string, unknown>) =>
        t.api.call('POST', '/api/v1/kudos', {
          token: org.people.sam.token,
          body: {
            recipientIds: [org.people.lena.member.id],
            valueId: org.valueId,
            message: 'Thanks for the help today!',
            points: 5,
            ...body,
          },
        });

      const short = await give({ message: 'thx', recipientIds: [] });
      expect(short.status).toBe(400);
      expect(short.body.details).toEqual(
        expect.arrayContaining([
          { field: 'message', code: 'too_short', params: { min: 10 } },
          { field: 'recipientIds', code: 'too_few', params: { min: 1 } },
        ]),
      );

      const self = await give({ recipientIds: [org.people.sam.member.id] });
      expect(self.body.details).toEqual([
        { field: 'recipientIds', code: 'self_recipient', params: {} },
      ]);

      const range = await give({ points: 51 });
      expect(range.body.details).toEqual([
        { field: 'points', code: 'out_of_range', params: { min: 0, max: 50 } },
      ]);

      // 2 × 50 points is more than a 100-point allowance once 21 are spent.
      expect((await give({ points: 21 })).status).toBe(201);
      const over = await t.api.call('POST', '/api/v1/kudos', {
        token: org.people.sam.token,
        body: {
          recipientIds: [org.people.lena.member.id, org.admin.member.id],
          valueId: org.valueId,
          message: 'Thanks for the help today!',
          points: 40,
        },
      });
      expect(over.status).toBe(422);
      expect(over.body).toMatchObject({
        code: 'allowance_exceeded',
        params: { needed: 80, left: 79 },
        details: [{ field: 'points', code: 'allowance_left', params: { left: 79 } }],
      });
    });
  });
});
