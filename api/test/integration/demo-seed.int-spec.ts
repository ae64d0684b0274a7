import { PasswordHasher } from '../../src/auth/password-hasher';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates Aurora Coffee once, with working logins for each role', async () => {
    const logins = await seedDemoIfEmpty(t.db, t.app.get(PasswordHasher));
    expect(logins?.map((l) => l.role)).toEqual(['admin', 'manager', 'employee']);
    expect(await seedDemoIfEmpty(t.db, t.app.get(PasswordHasher))).toBeNull();

    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM teams) AS teams, (SELECT count(*)::int FROM members) AS members,
              (SELECT count(*)::int FROM brand_values) AS "values"`,
    );
    expect(counts).toEqual({ teams: 3, members: 24, values: 5 });

    for (const login of logins ?? []) {
      const res = await t.api.call('POST', '/api/v1/auth/login', {
        body: { email: login.email, password: login.password },
      });
      expect(res.status).toBe(200);
      expect(res.body.member.role).toBe(login.role);
    }
    const manager = logins?.find((l) => l.role === 'manager');
    const session = await t.api.call('POST', '/api/v1/auth/login', {
      body: { email: manager?.email, password: manager?.password },
    });
    expect(session.body.member.managedTeamIds).toHaveLength(1);
  });
});
