import type { Role } from './roles.js';

/**
 * Every action the audit log records, `<target>.<verb>`. The API's `@Audited` takes only
 * these, so the web's filter and its translated labels cannot miss one.
 */
export const AUDIT_ACTIONS = [
  'badge.created',
  'badge.updated',
  'badge.deactivated',
  'display.created',
  'display.paired',
  'display.updated',
  'display.revoked',
  'invitation.created',
  'invitation.bulk_created',
  'invitation.revoked',
  'kudos.hidden',
  'member.updated',
  'member.imported',
  'member.reset_link_created',
  'mission.created',
  'mission.updated',
  'mission.published',
  'mission.closed',
  'mission.repeated',
  'mission_submission.approved',
  'mission_submission.rejected',
  'organization.updated',
  'praise.approved',
  'praise.rejected',
  'team.created',
  'team.renamed',
  'team.deleted',
  'value.created',
  'value.updated',
  'value.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an action is done to: the part of its name before the dot. */
export type AuditTargetType = AuditAction extends `${infer T}.${string}` ? T : never;
export const auditTargetOf = (action: AuditAction): AuditTargetType =>
  action.slice(0, action.indexOf('.')) as AuditTargetType;
export const AUDIT_TARGET_TYPES: readonly AuditTargetType[] = [
  ...new Set(AUDIT_ACTIONS.map(auditTargetOf)),
];

/** One entry of the organisation's audit log (admins read it). */
export interface AuditEntryDto {
  id: string;
  /** The actor as they were at the time of the action. */
  actor: { id: string; name: string; role: Role };
  /** `<target>.<verb>`, e.g. `member.updated`. */
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  /** The target before and after the action (null where there was none); secrets never appear. */
  before: unknown;
  after: unknown;
  at: string;
  requestId: string | null;
  ipAddress: string | null;
}

export interface AuditPage {
  items: AuditEntryDto[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export const AUDIT_PAGE = { default: 50, max: 200 } as const;
