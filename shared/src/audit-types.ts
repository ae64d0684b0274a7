import type { Role } from './roles.js';

/** One entry of the organisation's audit log (admins read it). */
export interface AuditEntryDto {
  id: string;
  /** The actor as they were at the time of the action. */
  actor: { id: string; name: string; role: Role };
  /** `<target>.<verb>`, e.g. `member.updated`. */
  action: string;
  targetType: string;
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
