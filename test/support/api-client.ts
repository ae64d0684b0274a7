import type { SessionDto } from '@bravo/shared';
import {
  addMember,
  callApi,
  okApi,
  signUp,
  type ApiResponse,
  type CallOptions,
  type Invitation,
  type SignUp,
} from './bravo-api';

export type { ApiResponse } from './bravo-api';

/** A thin HTTP client over real requests, for tests. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary bodies
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>> {
    return callApi<T>(this.baseUrl, method, path, options);
  }

  /** A call that must succeed (throws otherwise); resolves with the body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary bodies
  ok<T = any>(method: string, path: string, options?: CallOptions): Promise<T> {
    return okApi<T>(this.baseUrl, method, path, options);
  }

  /** Signs up a new organisation; returns its admin's session. */
  signup(overrides: SignUp = {}): Promise<SessionDto> {
    return signUp(this.baseUrl, overrides);
  }

  /** Invites someone and accepts for them; returns their session. */
  addMember(adminToken: string, invitation: Invitation, password: string): Promise<SessionDto> {
    return addMember(this.baseUrl, adminToken, invitation, password);
  }
}
