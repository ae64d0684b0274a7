import type { MeDto, MemberDto } from '@bravo/shared';
import type { Organization } from '../organizations/organization.entity';
import type { Member } from './member.entity';

export function toMemberDto(member: Member, managedTeamIds: string[]): MemberDto {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    teamId: member.teamId,
    managedTeamIds,
    active: member.active,
    locale: member.locale,
    createdAt: member.createdAt.toISOString(),
  };
}

export function toMeDto(member: Member, managedTeamIds: string[], org: Organization): MeDto {
  return {
    ...toMemberDto(member, managedTeamIds),
    organization: { id: org.id, name: org.name, timezone: org.timezone },
  };
}
