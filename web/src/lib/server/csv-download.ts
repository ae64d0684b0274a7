import { error, type RequestEvent } from '@sveltejs/kit';
import { ApiError, apiStream } from '$lib/server/api-client';
import { callerOf, failLoad } from '$lib/server/guards';

/**
 * A CSV download from the API, passed on as it comes (a year of a large organisation is not
 * held in memory) with its type and file name. Only the `filters` named are passed on.
 */
export async function passOnCsv(
  event: RequestEvent,
  path: `/api/v1/${string}`,
  filters: readonly string[],
): Promise<Response> {
  const query = new URLSearchParams();
  for (const key of filters) {
    const value = event.url.searchParams.get(key);
    if (value) {
      query.set(key, value);
    }
  }
  try {
    const upstream = await apiStream(callerOf(event), path, query);
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
      // Bad filters (a reversed span, say): the page explains, a download cannot.
      error(400, { message: cause.message, code: cause.code });
    }
    failLoad(cause, event.url);
  }
}
