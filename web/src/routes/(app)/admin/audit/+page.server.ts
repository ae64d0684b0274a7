import { AUDIT_PAGE } from '@bravo/shared';
import { auditCursorOf, auditFiltersOf } from '$lib/audit/filters';
import { api, ApiError, ok } from '$lib/server/api-client';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const filters = auditFiltersOf(event.url);
  const cursor = auditCursorOf(event.url);
  const query = {
    from: filters.from || undefined,
    to: filters.to || undefined,
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    cursor,
    limit: AUDIT_PAGE.default,
  };
  try {
    const page = await ok(api(callerOf(event)).GET('/api/v1/audit', { params: { query } }));
    return { filters, cursor: cursor ?? null, page, filterError: null };
  } catch (cause) {
    // Filters the API refuses (the end before the start): the form stays, with the reason.
    if (cause instanceof ApiError && cause.status === 400) {
      const { code, params, details } = cause;
      return {
        filters,
        cursor: cursor ?? null,
        page: { items: [], nextCursor: null },
        filterError: { code, params, details },
      };
    }
    failLoad(cause, event.url);
  }
};
