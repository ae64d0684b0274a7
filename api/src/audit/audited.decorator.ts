import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { auditTargetOf, type AuditAction, type AuditTargetType } from '@bravo/shared';

export const AUDIT_ACTION = 'bravo:audit-action';

/**
 * In the OpenAPI document as `x-audit-action` (or `x-audit-none` with a reason), so a test
 * checks that every state-changing manager or admin route is audited or says why not.
 */
export const AUDIT_ACTION_EXTENSION = 'x-audit-action';
export const AUDIT_NONE_EXTENSION = 'x-audit-none';

export interface AuditedRoute {
  /** `<target>.<verb>`, e.g. `team.created`. */
  action: AuditAction;
  targetType: AuditTargetType;
  /** The route parameter naming the target (default `id`); else the result's `id`. */
  targetParam?: string;
}

/**
 * The route is an admin or manager action: the audit interceptor runs it in one
 * transaction and appends an entry (before → after) in that same transaction.
 */
export const Audited = (action: AuditAction, targetParam?: string) =>
  applyDecorators(
    SetMetadata(AUDIT_ACTION, {
      action,
      targetType: auditTargetOf(action),
      targetParam,
    } satisfies AuditedRoute),
    ApiExtension(AUDIT_ACTION_EXTENSION, action),
  );

/** A manager/admin route that changes nothing (a preview): says so, for the coverage test. */
export const NotAudited = (reason: string) => ApiExtension(AUDIT_NONE_EXTENSION, reason);
