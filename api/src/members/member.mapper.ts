import type { MeDto, MemberDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import type { Organization } from '../organizations/organization.entity';
import type { Member } from './member.entity';

export type MemberViewer = Pick<AuthMember, 'id' | 'role' | 'managedTeamIds'>;

/** Who may read a member's e-mail: admins, the managers of their team, and they themself. */
export function mayReadEmail(viewer: MemberViewer, member: Pick<Member, 'id' | 'teamId'>): boolean {
  return (
    viewer.role === 'admin' ||
    viewer.id === member.id ||
    (viewer.role === 'manager' &&
      member.teamId !== null &&
      viewer.managedTeamIds.includes(member.teamId))
  );
}

/** The member as `viewer` may see them: the e-mail only for those who look after them. */
export function memberFor(viewer: MemberViewer, dto: MemberDto): MemberDto {
  return mayReadEmail(viewer, dto) ? dto : { ...dto, email: null };
}

/** The full record, e-mail included. */
export function toMemberDto(
  member: Member,
  managedTeamIds: string[],
): MemberDto & { email: string } {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    teamId: member.teamId,
    managedTeamIds,
    active: member.active,
    locale: member.locale,
    partTimeFactor: member.partTimeFactor,
    createdAt: member.createdAt.toISOString(),
  };
}

export function toMeDto(
  member: Member,
  managedTeamIds: string[],
  org: Pick<Organization, 'id' | 'name' | 'timezone'>,
  mailEnabled: boolean,
): MeDto {
  return {
    ...toMemberDto(member, managedTeamIds),
    emailOnKudos: member.emailOnKudos,
    screenName: member.screenName,
    mailEnabled,
    organization: { id: org.id, name: org.name, timezone: org.timezone },
  };
}
