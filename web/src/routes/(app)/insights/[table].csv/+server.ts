import { error } from '@sveltejs/kit';
import { ANALYTICS_CSV_TABLES, type AnalyticsCsvTable } from '@bravo/shared';
import { passOnCsv } from '$lib/server/csv-download';
import { requireInsightsViewer } from '$lib/server/guards';
import type { RequestHandler } from './$types';

const isTable = (table: string): table is AnalyticsCsvTable =>
  (ANALYTICS_CSV_TABLES as readonly string[]).includes(table);

/** One insights table as CSV, from the API with this session. */
export const GET: RequestHandler = (event) => {
  requireInsightsViewer(event);
  const { table } = event.params;
  if (!isTable(table)) {
    error(404, { message: 'There is no such table.', code: 'not_found' });
  }
  return passOnCsv(event, `/api/v1/analytics/csv/${table}`, ['from', 'to', 'teamId']);
};
