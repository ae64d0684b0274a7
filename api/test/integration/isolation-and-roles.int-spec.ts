import type { SessionDto } from '@bravo/shared';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

/** Invites someone into the caller's organisation and returns their session. */
async function addMember(
  t: TestApp,
  admin: SessionDto,
  role: 'employee' | 'manager' | 'admin',
): Promise<SessionDto> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const invite = await t.api.call('POST', '/api/v1/invitations', {
    token: admin.token,
    body: { email, name: `A ${role}`, role },
  });
  const accepted = await t.api.call<SessionDto>(
    'POST',
    `/api/v1/invitations/${invite.body.token}/accept`,
    {
      body: { password: 'member-password' },
    },
  );
  return accepted.body;
}

describe('organisation isolation', () => {
  let t: TestApp;
  let adminA: SessionDto;
  let adminB: SessionDto;
  let b: { memberId: string; teamId: string; valueId: string; invitationId: string };

  beforeAll(async () => {
    t = await startTestApp();
    adminA = await t.api.signup({ organizationName: 'Org A' });
    adminB = await t.api.signup({ organizationName: 'Org B' });
    const team = await t.api.call('POST', '/api/v1/teams', {
      token: adminB.token,
      body: { name: 'B Store' },
    });
    const value = await t.api.call('POST', '/api/v1/values', {
      token: adminB.token,
      body: { name: 'B Value', hashtag: 'BValue', color: '#123456' },
    });
    const invite = await t.api.call('POST', '/api/v1/invitations', {
      token: adminB.token,
      body: { email: 'b-invitee@example.com', name: 'B Invitee', role: 'employee' },
    });
    b = {
      memberId: adminB.member.id,
      teamId: team.body.id,
      valueId: value.body.id,
      invitationId: invite.body.id,
    };
  });
  afterAll(() => t.close());

  it("answers 404 for another organisation's member, team, value and invitation by id", async () => {
    const as = { token: adminA.token };
    expect((await t.api.call('GET', `/api/v1/members/${b.memberId}`, as)).status).toBe(404);
    expect(
      (
        await t.api.call('PATCH', `/api/v1/members/${b.memberId}`, {
          ...as,
          body: { role: 'employee' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.api.call('PATCH', `/api/v1/teams/${b.teamId}`, {
          ...as,
          body: { name: 'Hijacked' },
        })
      ).status,
    ).toBe(404);
    expect((await t.api.call('DELETE', `/api/v1/teams/${b.teamId}`, as)).status).toBe(404);
    expect(
      (
        await t.api.call('PATCH', `/api/v1/values/${b.valueId}`, {
          ...as,
          body: { name: 'Hijacked' },
        })
      ).status,
    ).toBe(404);
    expect((await t.api.call('DELETE', `/api/v1/values/${b.valueId}`, as)).status).toBe(404);
    expect((await t.api.call('DELETE', `/api/v1/invitations/${b.invitationId}`, as)).status).toBe(
      404,
    );
    // and nothing of B changed
    const teams = await t.api.call('GET', '/api/v1/teams', { token: adminB.token });
    expect(teams.body.map((x: { name: string }) => x.name)).toEqual(['B Store']);
    const values = await t.api.call('GET', '/api/v1/values', { token: adminB.token });
    expect(values.body.map((x: { name: string }) => x.name)).toEqual(['B Value']);
  });

  it("never lists another organisation's data", async () => {
    const as = { token: adminA.token };
    const members = await t.api.call('GET', '/api/v1/members?query=', as);
    expect(members.body.items.map((m: { id: string }) => m.id)).toEqual([adminA.member.id]);
    expect((await t.api.call('GET', '/api/v1/teams', as)).body).toEqual([]);
    expect((await t.api.call('GET', '/api/v1/values', as)).body).toEqual([]);
    expect((await t.api.call('GET', '/api/v1/invitations', as)).body).toEqual([]);
  });

  it("cannot put a member into another organisation's team", async () => {
    const res = await t.api.call('PATCH', `/api/v1/members/${adminA.member.id}`, {
      token: adminA.token,
      body: { teamId: b.teamId },
    });
    expect(res).toMatchObject({ status: 400, body: { details: [{ field: 'teamId' }] } });
  });
});

describe('roles', () => {
  let t: TestApp;
  let admin: SessionDto;
  let employee: SessionDto;
  let manager: SessionDto;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.api.signup();
    employee = await addMember(t, admin, 'employee');
    manager = await addMember(t, admin, 'manager');
  });
  afterAll(() => t.close());

  it.each([
    ['POST', '/api/v1/teams', { name: 'X' }],
    ['POST', '/api/v1/values', { name: 'X', hashtag: 'X' }],
    ['POST', '/api/v1/invitations', { email: 'x@example.com', name: 'X', role: 'admin' }],
    ['GET', '/api/v1/invitations', undefined],
    ['PATCH', '/api/v1/organization', { name: 'Mine now' }],
    ['PATCH', '/api/v1/members/00000000-0000-4000-8000-000000000000', { role: 'admin' }],
  ])('an employee and a manager get 403 on %s %s', async (method, path, body) => {
    for (const who of [employee, manager]) {
      const res = await t.api.call(method, path, { token: who.token, body });
      expect(res).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    }
  });

  it('an employee can read what the app shows everyone', async () => {
    for (const path of [
      '/api/v1/me',
      '/api/v1/teams',
      '/api/v1/values',
      '/api/v1/organization',
      '/api/v1/members',
    ]) {
      expect((await t.api.call('GET', path, { token: employee.token })).status).toBe(200);
    }
  });

  it('an admin promotes an employee, who then passes the admin check', async () => {
    const res = await t.api.call('PATCH', `/api/v1/members/${employee.member.id}`, {
      token: admin.token,
      body: { role: 'admin' },
    });
    expect(res).toMatchObject({ status: 200, body: { role: 'admin' } });
    expect((await t.api.call('GET', '/api/v1/invitations', { token: employee.token })).status).toBe(
      200,
    );
  });

  it('an admin cannot demote or deactivate themselves', async () => {
    const res = await t.api.call('PATCH', `/api/v1/members/${admin.member.id}`, {
      token: admin.token,
      body: { role: 'employee' },
    });
    expect(res).toMatchObject({ status: 409, body: { code: 'cannot_change_own_role' } });
  });
});
