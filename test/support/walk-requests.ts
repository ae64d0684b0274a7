import { ERROR_CODES, isFieldErrorCode } from '@bravo/shared';
import type { ApiClient } from './api-client';
import { FULL_ORG_PASSWORD } from './full-org';

/** One request of a walk, as sent: path and query already encoded. */
export interface WalkRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface WalkResponse {
  status: number;
  text: string;
  json: unknown;
}

export const describeRequest = (r: WalkRequest) =>
  `${r.method} ${r.url}${r.body === undefined ? '' : ` ${JSON.stringify(r.body).slice(0, 300)}`}`;

/** Sends one request as `token`; the body as JSON text (own `__proto__` keys included). */
export async function send(
  baseUrl: string,
  token: string,
  request: WalkRequest,
): Promise<WalkResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  const response = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers,
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // not JSON: the shape check says so
  }
}

/** What is wrong with a 4xx/5xx body, or null when it is `{ statusCode, code, params?, message, details? }`. */
export function errorShapeProblem(status: number, json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'the body is not a JSON object';
  }
  const body = json as Record<string, unknown>;
  const extra = Object.keys(body).filter(
    (k) => !['statusCode', 'code', 'params', 'message', 'details'].includes(k),
  );
  if (extra.length > 0) {
    return `unexpected keys ${extra.join(', ')}`;
  }
  if (body.statusCode !== status) {
    return `statusCode ${String(body.statusCode)} is not the HTTP status ${status}`;
  }
  if (!(ERROR_CODES as readonly unknown[]).includes(body.code)) {
    return `code ${String(body.code)} is not a stable error code`;
  }
  if (typeof body.message !== 'string' || body.message.length === 0) {
    return 'no readable message';
  }
  if (/\n\s+at /.test(body.message)) {
    return 'a stack trace in the message';
  }
  if (body.params !== undefined && !isParams(body.params)) {
    return 'params is not an object of strings and numbers';
  }
  const details = body.details;
  if (
    details !== undefined &&
    !(
      Array.isArray(details) &&
      details.every(
        (d: { field?: unknown; code?: unknown; params?: unknown }) =>
          typeof d?.field === 'string' && isFieldErrorCode(d.code) && isParams(d.params),
      )
    )
  ) {
    return 'details is not a list of { field, code, params }';
  }
  return null;
}

function isParams(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/**
 * A session that survives the walk: a request may end it (logout does), so
 * after any 2xx that is not a read, check it and log in again when it is gone.
 */
export class WalkSession {
  constructor(
    private readonly api: ApiClient,
    private readonly email: string,
    public token: string,
  ) {}

  async renewIfEnded(request: WalkRequest, status: number): Promise<void> {
    if (request.method === 'GET' || status >= 300) {
      return;
    }
    const me = await this.api.call('GET', '/api/v1/me', { token: this.token });
    if (me.status === 401) {
      const login = await this.api.call<{ token: string }>('POST', '/api/v1/auth/login', {
        body: { email: this.email, password: FULL_ORG_PASSWORD },
      });
      if (login.status !== 200) {
        throw new Error(`could not log in again as ${this.email}: ${login.status}`);
      }
      this.token = login.body.token;
    }
  }
}
