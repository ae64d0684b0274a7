import type { Role, SessionDto } from '@bravo/shared';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  rawBody?: string;
}

export interface Invitation {
  email: string;
  name: string;
  role: Role;
  teamId?: string;
}

export type SignUp = Partial<
  Record<'organizationName' | 'name' | 'email' | 'password' | 'timezone', string>
>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary bodies
export function callApi<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options?: CallOptions,
): Promise<ApiResponse<T>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary bodies
export function okApi<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options?: CallOptions,
): Promise<T>;
export function signUp(baseUrl: string, overrides?: SignUp): Promise<SessionDto>;
export function addMember(
  baseUrl: string,
  adminToken: string,
  invitation: Invitation,
  password: string,
): Promise<SessionDto>;
