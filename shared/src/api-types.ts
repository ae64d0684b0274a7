import type { PointRules } from './point-rules.js';
import type { Locale, Role } from './roles.js';

export interface OrganizationDto {
  id: string;
  name: string;
  timezone: string;
  rules: PointRules;
}

export interface TeamDto {
  id: string;
  name: string;
  memberCount: number;
}

export interface MemberDto {
  id: string;
  name: string;
  /**
   * Only for those who look after this member: admins, managers of the
   * member's team, and the member themself. Everyone else gets null.
   */
  email: string | null;
  role: Role;
  teamId: string | null;
  managedTeamIds: string[];
  active: boolean;
  locale: Locale;
  createdAt: string;
}

/** The caller, as returned by `GET /api/v1/me`. */
export interface MeDto extends MemberDto {
  email: string;
  /** Whether they get an e-mail when they receive a kudos (off until they turn it on). */
  emailOnKudos: boolean;
  /** Whether this Bravo sends e-mail (SMTP configured): without it, links are handed over. */
  mailEnabled: boolean;
  organization: { id: string; name: string; timezone: string };
}

export interface SessionDto {
  /** Bearer token for API clients; browsers also get it as an httpOnly cookie. */
  token: string;
  expiresAt: string;
  member: MeDto;
}

export interface BrandValueDto {
  id: string;
  name: string;
  hashtag: string;
  description: string;
  emoji: string | null;
  color: string;
  archived: boolean;
}

export interface InvitationDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** Returned once, when an admin creates an invitation: the link to hand over. */
export interface CreatedInvitationDto extends InvitationDto {
  token: string;
  url: string;
  /** True when the link was also e-mailed to the invitee (SMTP is configured). */
  emailed: boolean;
}

/** What an invitee sees before accepting. */
export interface InvitationPreviewDto {
  email: string;
  name: string;
  role: Role;
  organizationName: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}
