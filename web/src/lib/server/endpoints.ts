import { json, type RequestEvent } from '@sveltejs/kit';
import type { ApiErrorBody } from '@bravo/shared';
import type { ApiCaller } from './api-client';
import { ApiError } from './api-errors';
import { callerOf } from './guards';
import { InvalidParam } from './request-params';

/**
 * A small same-origin JSON endpoint for the page's own scripts (typeahead,
 * "load more", comments): the session cookie stays httpOnly and the API's
 * answer or error is passed through as JSON. A bad query or path parameter (thrown by
 * the `request-params` readers inside `work`) is a 400 before the API is asked.
 */
export async function relay<T>(
  event: RequestEvent,
  work: (caller: ApiCaller) => Promise<T>,
): Promise<Response> {
  if (!event.locals.member) {
    return failure({ statusCode: 401, code: 'unauthenticated', message: 'Log in first.' });
  }
  try {
    return json(await work(callerOf(event)), { headers: { 'cache-control': 'no-store' } });
  } catch (cause) {
    if (cause instanceof InvalidParam) {
      return failure({
        statusCode: 400,
        code: 'validation_failed',
        message: cause.message,
        details: [{ field: cause.field, code: cause.code, params: cause.params }],
      });
    }
    if (!(cause instanceof ApiError)) {
      throw cause;
    }
    return failure({
      statusCode: cause.unreachable ? 503 : cause.status,
      code: cause.code,
      ...(Object.keys(cause.params).length > 0 ? { params: cause.params } : {}),
      message: cause.message,
      details: cause.details,
    });
  }
}

function failure(body: ApiErrorBody): Response {
  return json(body, { status: body.statusCode, headers: { 'cache-control': 'no-store' } });
}
