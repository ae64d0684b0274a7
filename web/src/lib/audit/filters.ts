import type { AuditAction } from '@bravo/shared';

/** What the audit page filters by; the page, its paging links and its CSV pass these on. */
export const AUDIT_FILTERS = ['from', 'to', 'action', 'actorId'] as const;

export interface AuditFilters {
  from: string;
  to: string;
  action: AuditAction | '';
  actorId: string;
}

/** `?from=…&action=…` for the filters that are set, plus `extra` (a cursor). */
export function auditQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value) {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
