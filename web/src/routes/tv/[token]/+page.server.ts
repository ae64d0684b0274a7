import type { DisplayStateDto } from '@bravo/shared';
import { api, ApiError, ok } from '$lib/server/api-client';
import { callerOf } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Display tokens are base64url; anything else cannot be one and never reaches the API. */
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

interface FirstPicture {
  token: string;
  state: DisplayStateDto | null;
  /** `unavailable`: the API did not answer, and the screen keeps trying by itself. */
  problem: 'not_connected' | 'unavailable' | null;
}

/**
 * A TV screen's first picture. It never fails: a wrong or revoked link gets the
 * calm "not connected" screen, an API that does not answer an empty screen.
 */
export const load: PageServerLoad = async (event): Promise<FirstPicture> => {
  // The link is the screen's credential: never cached, indexed or sent on as a referrer.
  event.setHeaders({
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
    'referrer-policy': 'no-referrer',
  });
  const { token } = event.params;
  if (!TOKEN.test(token)) {
    return { token, state: null, problem: 'not_connected' };
  }
  try {
    return {
      token,
      state: await ok(
        api({ ...callerOf(event), token: null }).GET('/api/v1/display/state', {
          headers: { authorization: `Display ${token}` },
        }),
      ),
      problem: null,
    };
  } catch (cause) {
    if (!(cause instanceof ApiError)) {
      throw cause;
    }
    // Only a refusal of the link itself ends the screen; a server that is down or busy does not.
    const refused = !cause.unreachable && (cause.status === 401 || cause.status === 403);
    return { token, state: null, problem: refused ? 'not_connected' : 'unavailable' };
  }
};
