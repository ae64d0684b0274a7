import { env } from '$env/dynamic/private';
import createClient, { type Client } from 'openapi-fetch';
import { WEB_CLIENT_HEADERS } from '@bravo/shared';
import { ApiError, toApiError } from './api-errors';
import type { components, paths } from './api/schema';

// Pages import ApiError from here; it lives beside its parser.
export { ApiError };

/**
 * Who is calling: the session token, the browser's address (for the API's
 * per-IP throttling) and the origin it is using (for links other devices open).
 */
export interface ApiCaller {
  token: string | null;
  clientAddress?: string;
  origin?: string;
}

export type ApiClient = Client<paths>;
/** The document's models by name, e.g. `ApiSchemas['UpdateMemberDto']` for a request body. */
export type ApiSchemas = components['schemas'];

const TIMEOUT_MS = 15_000;

function apiBase(): string {
  return (env.API_INTERNAL_URL || `http://127.0.0.1:${env.PORT || 3000}`).replace(/\/+$/, '');
}

/** Empty and absent query values are left out, as the forms send '' for "any". */
function querySerializer(query: unknown): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (value !== '') {
        params.set(key, String(value));
      }
    }
  }
  return params.toString();
}

/** The session as a bearer token and, next to the shared secret, the browser's address. */
function headersOf(caller: ApiCaller, accept: string): Record<string, string> {
  const headers: Record<string, string> = { accept };
  if (caller.token) {
    headers.authorization = `Bearer ${caller.token}`;
  }
  // The API believes these only next to the secret it shares with this server.
  if (env.WEB_API_SECRET && (caller.clientAddress || caller.origin)) {
    headers[WEB_CLIENT_HEADERS.secret] = env.WEB_API_SECRET;
    if (caller.clientAddress) {
      headers[WEB_CLIENT_HEADERS.address] = caller.clientAddress;
    }
    if (caller.origin) {
      headers[WEB_CLIENT_HEADERS.origin] = caller.origin;
    }
  }
  return headers;
}

/**
 * The generated client (typed by `api/schema.d.ts`) for one caller: the
 * session as a bearer token and, next to the shared secret, the browser's address.
 */
export function api(caller: ApiCaller): ApiClient {
  const headers = headersOf(caller, 'application/json');
  return createClient<paths>({
    baseUrl: apiBase(),
    headers,
    querySerializer,
    fetch: (request: Request) => fetch(request, { signal: AbortSignal.timeout(TIMEOUT_MS) }),
  });
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function answer<T>(request: Promise<Answer<T>>): Promise<Answer<T>> {
  let result: Answer<T>;
  try {
    result = await request;
  } catch (cause) {
    const error = new ApiError(503, 'internal_error', 'The Bravo API is not reachable.', [], true);
    error.cause = cause;
    throw error;
  }
  if (!result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result;
}

/** The body of a 2xx answer; any other answer is thrown as an `ApiError`. */
export async function ok<T>(request: Promise<Answer<T>>): Promise<T> {
  const { data, response } = await answer(request);
  if (data === undefined) {
    throw new ApiError(502, 'internal_error', `HTTP ${response.status} without a body`);
  }
  return data;
}

/** For operations answering 204: resolves when done, throws an `ApiError` otherwise. */
export async function done(request: Promise<Answer<unknown>>): Promise<void> {
  await answer(request);
}

/**
 * A download (a CSV) from the API as it comes, for a web route to pass on without holding it
 * in memory: the answer's body is the API's stream. The timeout covers the wait for the
 * answer to begin, not the transfer, which is as long as the table. Non-2xx: an `ApiError`.
 */
export async function apiStream(
  caller: ApiCaller,
  path: `/api/v1/${string}`,
  query: URLSearchParams,
  accept = 'text/csv',
): Promise<Response> {
  const search = query.toString();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(`${apiBase()}${path}${search ? `?${search}` : ''}`, {
      headers: headersOf(caller, accept),
      signal: controller.signal,
    });
  } catch (cause) {
    const error = new ApiError(503, 'internal_error', 'The Bravo API is not reachable.', [], true);
    error.cause = cause;
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  return response;
}
