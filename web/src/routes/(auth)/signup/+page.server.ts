import { redirect } from '@sveltejs/kit';
import { api, ok } from '$lib/server/api-client';
import { attempt, text, texts } from '$lib/server/forms';
import { callerOf } from '$lib/server/guards';
import { setSessionCookie } from '$lib/server/session';
import { starterTextsFrom, starterValuesFrom } from '$lib/onboarding/starter-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.member) {
    redirect(303, '/');
  }
  return { timeZones: Intl.supportedValuesOf('timeZone') };
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const values = {
      ...texts(data, ['organizationName', 'name', 'email', 'timezone']),
      ...starterTextsFrom(data),
    };
    return attempt({ form: 'signup', values }, async () => {
      const session = await ok(
        api(callerOf(event)).POST('/api/v1/auth/signup', {
          body: {
            organizationName: values.organizationName,
            name: values.name,
            email: values.email,
            password: text(data, 'password', true),
            timezone: values.timezone,
            values: starterValuesFrom(data),
          },
        }),
      );
      setSessionCookie(event.cookies, event.url, session);
      redirect(303, '/');
    });
  },
};
