import { redirect } from '@sveltejs/kit';
import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf } from '$lib/server/guards';
import { safeNext } from '$lib/server/safe-next';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'), url);
  if (locals.member) {
    redirect(303, next);
  }
  return { next };
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const email = text(data, 'email');
    const next = safeNext(text(data, 'next'), event.url);
    return attempt({ form: 'login', values: { email } }, async () => {
      const session = await ok(
        api(callerOf(event)).POST('/api/v1/auth/login', {
          body: {
            email,
            password: text(data, 'password', true),
          },
        }),
      );
      setSessionCookie(event.cookies, event.url, session);
      redirect(303, next);
    });
  },
};
