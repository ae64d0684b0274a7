import { redirect } from '@sveltejs/kit';
import { api, ApiError, done } from '$lib/server/api-client';
import { callerOf } from '$lib/server/guards';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  redirect(303, '/');
};

export const actions: Actions = {
  default: async (event) => {
    if (event.locals.token) {
      try {
        await done(api(callerOf(event)).POST('/api/v1/auth/logout'));
      } catch (cause) {
        // Already expired or revoked: logging out locally is all that is left to do.
        if (!(cause instanceof ApiError) || cause.status !== 401) {
          throw cause;
        }
      }
    }
    clearSessionCookie(event.cookies, event.url);
    redirect(303, '/login');
  },
};
