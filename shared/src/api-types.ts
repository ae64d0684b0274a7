import type { PointRules } from './point-rules.js';
import type { Locale, Role } from './roles.js';
import type { FieldError } from './field-errors.js';
import type { ScreenNameChoice } from './display-types.js';

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
  /** Share of a full-time position, 0.1–1.0 (1: full time). */
  partTimeFactor: number;
  createdAt: string;
}

/** The caller, as returned by `GET /api/v1/me`. */
export interface MeDto extends MemberDto {
  email: string;
  /** Whether they get an e-mail when they receive a kudos (off until they turn it on). */
  emailOnKudos: boolean;
  /** How they appear on TV screens (their points count for their team either way). */
  screenName: ScreenNameChoice;
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

/** One pasted line of a bulk invitation (`name, email[, team]`) and what is wrong with it. */
export interface BulkInvitationLineDto {
  /** 1-based, counting blank lines, so it matches what the admin pasted. */
  line: number;
  name: string;
  email: string;
  /** The team as typed, or null when the line names none. */
  team: string | null;
  teamId: string | null;
  errors: FieldError[];
}

/** What a bulk invitation would create: every line, with its problems. */
export interface BulkInvitationPreviewDto {
  lines: BulkInvitationLineDto[];
  /** Lines without problems; nothing is created while any line has one. */
  valid: number;
}

/** One created invitation; `url` only in the first answer (a replay cannot show the secret again). */
export interface BulkCreatedInvitationDto extends InvitationDto {
  url: string | null;
}

export interface BulkInvitationResultDto {
  invitations: BulkCreatedInvitationDto[];
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** The owner's first steps, for the home page checklist. */
export interface OnboardingChecklistDto {
  values: boolean;
  team: boolean;
  /** A colleague was invited or has joined. */
  colleagues: boolean;
  /** A screen exists (paired or by link). */
  screen: boolean;
  kudos: boolean;
}
