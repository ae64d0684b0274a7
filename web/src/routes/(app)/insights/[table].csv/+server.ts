import { error } from '@sveltejs/kit';
import { ANALYTICS_CSV_TABLES, type AnalyticsCsvTable } from '@bravo/shared';
import { ApiError, apiStream } from '$lib/server/api-client';
import { callerOf, failLoad, requireInsightsViewer } from '$lib/server/guards';
import type { RequestHandler } from './$types';

const isTable = (table: string): table is AnalyticsCsvTable =>
  (ANALYTICS_CSV_TABLES as readonly string[]).includes(table);

/** The filters the API takes; anything else in the address is not passed on. */
const FILTERS = ['from', 'to', 'teamId'] as const;

/**
 * One insights table as CSV, from the API with this session: its stream is passed on as it
 * comes (a year of a large organisation is not held in memory), with its file name.
 */
export const GET: RequestHandler = async (event) => {
  requireInsightsViewer(event);
  const { table } = event.params;
  if (!isTable(table)) {
    error(404, { message: 'There is no such table.', code: 'not_found' });
  }
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const value = event.url.searchParams.get(key);
    if (value) {
      query.set(key, value);
    }
  }
  try {
    const upstream = await apiStream(callerOf(event), `/api/v1/analytics/csv/${table}`, query);
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of ['content-type', 'content-disposition']) {
      const value = upstream.headers.get(name);
      if (value) {
        headers.set(name, value);
      }
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (cause) {
    if (cause instanceof ApiError && cause.status === 400) {
      // Bad filters (a reversed or too long span): the page explains, a download cannot.
      error(400, { message: cause.message, code: cause.code });
    }
    failLoad(cause, event.url);
  }
};
