import { redirect } from '@sveltejs/kit';
import type { PasswordResetPreviewDto } from '@bravo/shared';
import { api, ApiError, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad } from '$lib/server/guards';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

type ResetState =
  { status: 'open'; reset: PasswordResetPreviewDto } | { status: 'expired' | 'used' | 'unknown' };

export const load: PageServerLoad = async (event): Promise<ResetState> => {
  try {
    return {
      status: 'open',
      reset: await ok(
        api(callerOf(event)).GET('/api/v1/password-resets/{token}', {
          params: { path: { token: event.params.token } },
        }),
      ),
    };
  } catch (cause) {
    if (cause instanceof ApiError && !cause.unreachable) {
      if (cause.code === 'reset_link_expired') {
        return { status: 'expired' };
      }
      if (cause.code === 'reset_link_used') {
        return { status: 'used' };
      }
      if (cause.status === 404 || cause.status === 400) {
        return { status: 'unknown' };
      }
    }
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    return attempt({ form: 'reset' }, async () => {
      const session = await ok(
        api(callerOf(event)).POST('/api/v1/password-resets/{token}', {
          params: { path: { token: event.params.token } },
          body: { password: text(data, 'password', true) },
        }),
      );
      setSessionCookie(event.cookies, event.url, session);
      redirect(303, '/');
    });
  },
};
