import type { Role } from '@bravo/shared';

/** The authenticated caller, resolved once per request by the auth guard. */
export interface AuthMember {
  id: string;
  name: string;
  organizationId: string;
  role: Role;
  teamId: string | null;
  managedTeamIds: string[];
  sessionId: string;
}

const RANK: Record<Role, number> = { employee: 0, manager: 1, admin: 2 };

export function hasRole(member: Pick<AuthMember, 'role'>, minimum: Role): boolean {
  return RANK[member.role] >= RANK[minimum];
}

/** Whether two views of a login grant the same: same member, organisation, role and managed teams. */
export function sameAccess(a: AuthMember, b: AuthMember): boolean {
  return (
    a.id === b.id &&
    a.sessionId === b.sessionId &&
    a.organizationId === b.organizationId &&
    a.role === b.role &&
    [...a.managedTeamIds].sort().join() === [...b.managedTeamIds].sort().join()
  );
}
