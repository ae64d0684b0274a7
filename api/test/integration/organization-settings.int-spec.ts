import { DEFAULT_POINT_RULES, type SessionDto } from '@bravo/shared';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('teams, brand values and organisation settings', () => {
  let t: TestApp;
  let admin: SessionDto;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.api.signup({ timezone: 'Asia/Dubai' });
  });
  afterAll(() => t.close());
  const as = () => ({ token: admin.token });

  it('starts with the default point rules and keeps partial updates', async () => {
    const org = await t.api.call('GET', '/api/v1/organization', as());
    expect(org.body).toMatchObject({ timezone: 'Asia/Dubai', rules: DEFAULT_POINT_RULES });
    const patched = await t.api.call('PATCH', '/api/v1/organization', {
      ...as(),
      body: { name: 'Renamed Co', rules: { allowanceEmployee: 120 } },
    });
    expect(patched.body).toMatchObject({
      name: 'Renamed Co',
      rules: { ...DEFAULT_POINT_RULES, allowanceEmployee: 120 },
    });
    const again = await t.api.call('PATCH', '/api/v1/organization', {
      ...as(),
      body: { rules: { maxKudosPerDay: 5 } },
    });
    expect(again.body.rules).toMatchObject({ allowanceEmployee: 120, maxKudosPerDay: 5 });
  });

  it('a team with members cannot be deleted: 409 with a message', async () => {
    const team = await t.api.call('POST', '/api/v1/teams', { ...as(), body: { name: 'Harbour' } });
    await t.api.call('PATCH', `/api/v1/members/${admin.member.id}`, {
      ...as(),
      body: { teamId: team.body.id },
    });
    const list = await t.api.call('GET', '/api/v1/teams', as());
    expect(list.body).toEqual([{ id: team.body.id, name: 'Harbour', memberCount: 1 }]);

    const refused = await t.api.call('DELETE', `/api/v1/teams/${team.body.id}`, as());
    expect(refused).toMatchObject({ status: 409, body: { code: 'team_has_members' } });
    expect(refused.body.message).toMatch(/Harbour.*1 member/);

    await t.api.call('PATCH', `/api/v1/members/${admin.member.id}`, {
      ...as(),
      body: { teamId: null },
    });
    expect((await t.api.call('DELETE', `/api/v1/teams/${team.body.id}`, as())).status).toBe(204);
    expect((await t.api.call('GET', '/api/v1/teams', as())).body).toEqual([]);
  });

  it('team names are unique per organisation regardless of case', async () => {
    await t.api.call('POST', '/api/v1/teams', { ...as(), body: { name: 'Old Town' } });
    const dup = await t.api.call('POST', '/api/v1/teams', { ...as(), body: { name: 'old town' } });
    expect(dup).toMatchObject({ status: 409, body: { code: 'team_name_taken' } });
  });

  it('creates, renames, archives and deletes a brand value', async () => {
    const created = await t.api.call('POST', '/api/v1/values', {
      ...as(),
      body: {
        name: 'Warm Welcome',
        hashtag: '#WarmWelcome',
        emoji: '☕',
        color: '#b45309',
        description: 'Hello!',
      },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { hashtag: 'WarmWelcome', archived: false },
    });
    const renamed = await t.api.call('PATCH', `/api/v1/values/${created.body.id}`, {
      ...as(),
      body: { name: 'Warmest Welcome', archived: true },
    });
    expect(renamed.body).toMatchObject({ name: 'Warmest Welcome', archived: true, emoji: '☕' });
    expect((await t.api.call('DELETE', `/api/v1/values/${created.body.id}`, as())).status).toBe(
      204,
    );
    expect((await t.api.call('GET', '/api/v1/values', as())).body).toEqual([]);
  });

  it('searches members by name', async () => {
    const invite = await t.api.call('POST', '/api/v1/invitations', {
      ...as(),
      body: { email: 'zoe@example.com', name: 'Zoë Quinn', role: 'employee' },
    });
    await t.api.call('POST', `/api/v1/invitations/${invite.body.token}/accept`, {
      body: { password: 'zoe-password' },
    });
    const found = await t.api.call('GET', '/api/v1/members?query=zoë', as());
    expect(found.body).toMatchObject({ total: 1, items: [{ name: 'Zoë Quinn' }] });
    const none = await t.api.call('GET', '/api/v1/members?query=%25', as());
    expect(none.body.total).toBe(0);
  });
});
