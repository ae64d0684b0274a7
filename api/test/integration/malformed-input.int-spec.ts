import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const NUL = String.fromCharCode(0);
const LONE = '\ud800';
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

type Request = [method: string, path: string, body?: unknown];

/** The inputs an outside schema fuzz answered with a 5xx, each built on a real organisation. */
const CASES: Record<string, (org: OrgFixture) => Request> = {
  'NUL in a team name': () => ['POST', '/api/v1/teams', { name: `Back${NUL}room` }],
  'NUL in a member name': () => ['PATCH', '/api/v1/me', { name: `Ann${NUL}` }],
  'NUL in a kudos message': (org) => [
    'POST',
    '/api/v1/kudos',
    {
      recipientIds: [org.people.ann.member.id],
      valueId: org.valueId,
      message: `Thanks ${NUL} a lot!`,
      points: 1,
    },
  ],
  'null name on PATCH /me': () => ['PATCH', '/api/v1/me', { name: null }],
  'null locale on PATCH /me': () => ['PATCH', '/api/v1/me', { locale: null }],
  'null active on a member': (org) => [
    'PATCH',
    `/api/v1/members/${org.people.ann.member.id}`,
    { active: null },
  ],
  'null role on a member': (org) => [
    'PATCH',
    `/api/v1/members/${org.people.ann.member.id}`,
    { role: null },
  ],
  'null organisation name': () => ['PATCH', '/api/v1/organization', { name: null }],
  'null time zone': () => ['PATCH', '/api/v1/organization', { timezone: null }],
  'a null rule': () => ['PATCH', '/api/v1/organization', { rules: { allowanceEmployee: null } }],
  'null value name': (org) => ['PATCH', `/api/v1/values/${org.valueId}`, { name: null }],
  'null value colour': (org) => ['PATCH', `/api/v1/values/${org.valueId}`, { color: null }],
  'a lone surrogate in a login e-mail': () => [
    'POST',
    '/api/v1/auth/login',
    { email: `a${LONE}@x.example`, password: 'whatever-it-is' },
  ],
  'a lone surrogate in an invitation e-mail': () => [
    'POST',
    '/api/v1/invitations',
    { email: `${LONE}@x.example`, name: 'X', role: 'employee' },
  ],
  'a cursor with a bad uuid': () => [
    'GET',
    `/api/v1/kudos?cursor=${cursorOf(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`)}`,
  ],
  'a cursor with a bad date': (org) => [
    'GET',
    `/api/v1/kudos?cursor=${cursorOf(`-271821-04-20T00:00:00.000Z|${org.valueId}`)}`,
  ],
  'a NUL member search': () => ['GET', '/api/v1/members?query=%00'],
  'an offset beyond bigint': () => ['GET', '/api/v1/members?offset=99999999999999999999'],
  'a NUL in a path parameter': () => ['GET', '/api/v1/invitations/abc%00def'],
};

describe('malformed input is a 400 that changes nothing, never a 5xx', () => {
  let t: TestApp;
  let org: OrgFixture;

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, { people: { ann: {} } });
  });
  afterAll(() => t.close());

  /** One hash per table over all its rows: any write shows. */
  const fingerprint = async (): Promise<string[]> => {
    const tables: { name: string }[] = await t.db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const hashes: string[] = [];
    for (const { name } of tables) {
      const [row]: { h: string }[] = await t.db.query(
        `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
      );
      hashes.push(`${name}:${row.h}`);
    }
    return hashes;
  };

  it.each(Object.keys(CASES))('%s', async (label) => {
    const [method, path, body] = CASES[label](org);
    const before = await fingerprint();
    const res = await t.api.call(method, path, { token: org.admin.token, body });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        code: 'validation_failed',
        message: expect.any(String),
        details: expect.any(Array),
      },
    });
    expect(await fingerprint()).toEqual(before);
  });
});
