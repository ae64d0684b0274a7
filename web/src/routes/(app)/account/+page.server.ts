import { SCREEN_NAME_CHOICES, isLocale, type ScreenNameChoice } from '@bravo/shared';
import { api, done, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, requireMember } from '$lib/server/guards';
import { setLocaleCookie } from '$lib/server/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireMember(event);
  return {};
};

export const actions: Actions = {
  profile: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const name = text(data, 'name');
    const locale = text(data, 'locale');
    const emailOnKudos = data.get('emailOnKudos') === 'on';
    const screenName = text(data, 'screenName');
    const isChoice = (SCREEN_NAME_CHOICES as readonly string[]).includes(screenName);
    const values = { name, locale, screenName };
    return attempt({ form: 'profile', values, url: event.url }, async () => {
      const me = await ok(
        api(callerOf(event)).PATCH('/api/v1/me', {
          body: {
            name,
            ...(isLocale(locale) ? { locale } : {}),
            ...(isChoice ? { screenName: screenName as ScreenNameChoice } : {}),
            // The box is drawn only when this Bravo sends e-mail.
            ...(event.locals.member?.mailEnabled ? { emailOnKudos } : {}),
          },
        }),
      );
      setLocaleCookie(event.cookies, event.url, me.locale);
      return { success: 'profile_saved' };
    });
  },

  password: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    return attempt({ form: 'password', url: event.url }, async () => {
      await done(
        api(callerOf(event)).POST('/api/v1/auth/password', {
          body: {
            currentPassword: text(data, 'currentPassword', true),
            newPassword: text(data, 'newPassword', true),
          },
        }),
      );
      return { success: 'password_changed' };
    });
  },
};
