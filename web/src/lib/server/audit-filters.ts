import { AUDIT_ACTIONS, type AuditAction } from '@bravo/shared';
import type { AuditFilters } from '$lib/audit/filters';
import { LOCAL_DATE, UUID } from './request-params';

// The audit page's address, read on the server; its links are written by `auditQuery`.

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
    from: LOCAL_DATE.test(from) ? from : '',
    to: LOCAL_DATE.test(to) ? to : '',
    action: isAction(action) ? action : '',
    actorId: UUID.test(actorId) ? actorId : '',
  };
}

/** The page's cursor (an older page), when it is one the API could have given out. */
export function auditCursorOf(url: URL): string | undefined {
  const cursor = url.searchParams.get('cursor') ?? '';
  return CURSOR.test(cursor) ? cursor : undefined;
}
