import { json, type RequestEvent } from '@sveltejs/kit';
import { ApiError, type ApiCaller } from './api-client';
import { callerOf } from './guards';

/**
 * A small same-origin JSON endpoint for the page's own scripts (typeahead,
 * "load more", comments): the session cookie stays httpOnly and the API's
 * answer or error is passed through as JSON.
 */
export async function relay<T>(
  event: RequestEvent,
  work: (caller: ApiCaller) => Promise<T>,
): Promise<Response> {
  if (!event.locals.member) {
    return json({ code: 'unauthenticated', message: 'Log in first.' }, { status: 401 });
  }
  try {
    return json(await work(callerOf(event)), { headers: { 'cache-control': 'no-store' } });
  } catch (cause) {
    if (!(cause instanceof ApiError)) {
      throw cause;
    }
    return json(
      { code: cause.code, message: cause.message, details: cause.details },
      { status: cause.unreachable ? 503 : cause.status },
    );
  }
}
