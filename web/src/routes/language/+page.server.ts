import { redirect } from '@sveltejs/kit';
import { isLocale } from '@bravo/shared';
import { api, ApiError, ok } from '$lib/server/api-client';
import { text } from '$lib/server/forms';
import { callerOf } from '$lib/server/guards';
import { setLocaleCookie } from '$lib/server/locale';
import { safeNext } from '$lib/server/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ current: locals.locale });

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const locale = data.get('locale');
    const back = safeNext(text(data, 'redirectTo'), event.url);
    if (!isLocale(locale)) {
      redirect(303, back);
    }
    // The cookie also covers the login page after logging out.
    setLocaleCookie(event.cookies, event.url, locale);
    if (event.locals.member) {
      try {
        await ok(api(callerOf(event)).PATCH('/api/v1/me', { body: { locale } }));
      } catch (cause) {
        // A lost session still switches the language through the cookie.
        if (!(cause instanceof ApiError) || cause.status !== 401) {
          throw cause;
        }
      }
    }
    redirect(303, back);
  },
};
