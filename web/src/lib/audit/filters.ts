import { AUDIT_ACTIONS, type AuditAction } from '@bravo/shared';

/** What the audit page filters by; the page, its paging links and its CSV pass these on. */
export const AUDIT_FILTERS = ['from', 'to', 'action', 'actorId'] as const;

export interface AuditFilters {
  from: string;
  to: string;
  action: AuditAction | '';
  actorId: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[1-9][0-9]{0,18}$/;

const isAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

/**
 * The filters as the address has them. A malformed value (a hand-edited link) is dropped, so
 * the page shows more rather than an error; a reversed span is the API's to refuse, readably.
 */
export function auditFiltersOf(url: URL): AuditFilters {
  const get = (name: string) => (url.searchParams.get(name) ?? '').trim();
  const from = get('from');
  const to = get('to');
  const action = get('action');
  const actorId = get('actorId');
  return {
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    action: isAction(action) ? action : '',
    actorId: UUID.test(actorId) ? actorId : '',
  };
}

/** The page's cursor (an older page), when it is one the API could have given out. */
export function auditCursorOf(url: URL): string | undefined {
  const cursor = url.searchParams.get('cursor') ?? '';
  return CURSOR.test(cursor) ? cursor : undefined;
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
