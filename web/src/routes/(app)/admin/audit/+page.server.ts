import { AUDIT_PAGE } from '@bravo/shared';
import { auditCursorOf, auditFiltersOf } from '$lib/server/audit-filters';
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
  const client = api(callerOf(event));
  try {
    // Teams and brand values are few: with them, a changed `teamId` reads as a team's name.
    const [teams, values] = await Promise.all([
      ok(client.GET('/api/v1/teams')),
      ok(client.GET('/api/v1/values')),
    ]);
    const names = Object.fromEntries([...teams, ...values].map((t) => [t.id, t.name]));
    const base = { filters, cursor: cursor ?? null, names };
    try {
      const page = await ok(client.GET('/api/v1/audit', { params: { query } }));
      return { ...base, page, filterError: null };
    } catch (cause) {
      // Filters the API refuses (the end before the start): the form stays, with the reason.
      if (cause instanceof ApiError && cause.status === 400) {
        const { code, params, details } = cause;
        const page = { items: [], nextCursor: null };
        return { ...base, page, filterError: { code, params, details } };
      }
      throw cause;
    }
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
