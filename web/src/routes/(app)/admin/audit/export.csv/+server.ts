import { passOnCsv } from '$lib/server/csv-download';
import { requireAdmin } from '$lib/server/guards';
import { AUDIT_FILTERS } from '$lib/audit/filters';
import type { RequestHandler } from './$types';

/** The audit log, filtered as on the page, as CSV. */
export const GET: RequestHandler = (event) => {
  requireAdmin(event);
  return passOnCsv(event, '/api/v1/audit/export.csv', AUDIT_FILTERS);
};
