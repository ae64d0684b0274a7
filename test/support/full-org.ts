import { randomBytes } from 'node:crypto';
import type { Role, SessionDto } from '@bravo/shared';
import type { ApiClient } from './api-client';

export const FULL_ORG_PASSWORD = 'full-org-password';

/** An organisation with something behind every kind of id the API takes, built over HTTP. */
export interface FullOrg {
  organizationId: string;
  /** One member of each role: the admin who signed up, a manager of the first team, an employee in it. */
  sessions: Record<Role, SessionDto>;
  /** Ids by collection, named as the API's paths name them (`/teams/{id}` → `teams`). */
  ids: Record<string, string[]>;
  /** Every id, name, e-mail and text of this organisation, for "does it show up elsewhere?". */
  secrets: string[];
}

export async function buildFullOrg(api: ApiClient, label: string): Promise<FullOrg> {
  const ok = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    api.ok<T>(method, path, { token, body });
  const tag = `${label}${randomBytes(3).toString('hex')}`;
  const email = (who: string) => `${who}.${tag}@example.com`.toLowerCase();
  const admin = await api.signup({
    organizationName: `${tag} Organisation`,
    name: `${tag} Admin`,
    email: email('admin'),
    password: FULL_ORG_PASSWORD,
  });
  const as = admin.token;
  const teams = [
    await ok<{ id: string }>('POST', '/api/v1/teams', as, { name: `${tag} North` }),
    await ok<{ id: string }>('POST', '/api/v1/teams', as, { name: `${tag} South` }),
  ];
  const value = await ok<{ id: string }>('POST', '/api/v1/values', as, {
    name: `${tag} Value`,
    hashtag: `${tag}Value`,
  });

  const join = (who: string, role: Role, teamId: string): Promise<SessionDto> =>
    api.addMember(
      as,
      { email: email(who), name: `${tag} ${who}`, role, teamId },
      FULL_ORG_PASSWORD,
    );
  const manager = await join('manager', 'manager', teams[0].id);
  await ok('PATCH', `/api/v1/members/${manager.member.id}`, as, {
    managedTeamIds: [teams[0].id],
  });
  const employee = await join('employee', 'employee', teams[0].id);
  const colleague = await join('colleague', 'employee', teams[1].id);
  const pending = await ok<{ id: string }>('POST', '/api/v1/invitations', as, {
    email: email('pending'),
    name: `${tag} Pending`,
    role: 'employee',
  });

  const kudos = await ok<{ id: string }>('POST', '/api/v1/kudos', employee.token, {
    recipientIds: [manager.member.id, colleague.member.id],
    valueId: value.id,
    message: `${tag} thanks for covering my shift`,
    points: 2,
  });
  const comment = await ok<{ id: string }>(
    'POST',
    `/api/v1/kudos/${kudos.id}/comments`,
    manager.token,
    { body: `${tag} comment` },
  );
  await ok('POST', `/api/v1/kudos/${kudos.id}/reactions`, as, { emoji: '👏' });
  await ok('POST', `/api/v1/kudos/${kudos.id}/boosts`, as, { points: 1 });
  const display = await ok<{ id: string }>('POST', '/api/v1/displays', as, {
    name: `${tag} Screen`,
    scope: 'team',
    teamId: teams[0].id,
  });

  const members = [admin, manager, employee, colleague].map((s) => s.member);
  const ids = {
    members: members.map((m) => m.id),
    teams: teams.map((t) => t.id),
    values: [value.id],
    kudos: [kudos.id],
    comments: [comment.id],
    invitations: [pending.id],
    displays: [display.id],
  };
  return {
    organizationId: admin.member.organization.id,
    sessions: { admin, manager, employee },
    ids,
    // The tag is in every name, e-mail and text of this organisation.
    secrets: [tag.toLowerCase(), admin.member.organization.id, ...Object.values(ids).flat()],
  };
}
