import type { Locale, MeDto } from '@bravo/shared';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** An ERROR_CODES entry when the error came from the API. */
      code?: string;
    }
    interface Locals {
      /** The signed-in member, resolved once per request by hooks.server.ts. */
      member: MeDto | null;
      /** The session token from the cookie, sent to the API as a Bearer token. */
      token: string | null;
      locale: Locale;
      /** True when the API could not be reached while resolving the session. */
      apiUnavailable: boolean;
    }
  }
}

export {};
