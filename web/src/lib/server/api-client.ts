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

/**
 * The generated client (typed by `api/schema.d.ts`) for one caller: the
 * session as a bearer token and, next to the shared secret, the browser's address.
 */
export function api(caller: ApiCaller): ApiClient {
  const headers: Record<string, string> = { accept: 'application/json' };
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
