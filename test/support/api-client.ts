import type { SessionDto } from '@bravo/shared';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A thin HTTP client over real requests, for tests and benchmarks. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async call<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary bodies
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      rawBody?: string;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) {
      headers.authorization = `Bearer ${options.token}`;
    }
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Signs up a new organisation; returns its admin's session. */
  async signup(
    overrides: Partial<
      Record<'organizationName' | 'name' | 'email' | 'password' | 'timezone', string>
    > = {},
  ): Promise<SessionDto> {
    const unique = Math.random().toString(36).slice(2, 10);
    const res = await this.call<SessionDto>('POST', '/api/v1/auth/signup', {
      body: {
        organizationName: `Org ${unique}`,
        name: `Admin ${unique}`,
        email: `admin-${unique}@example.com`,
        password: 'correct-horse-battery',
        timezone: 'Europe/Paris',
        ...overrides,
      },
    });
    if (res.status !== 201) {
      throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }
}
