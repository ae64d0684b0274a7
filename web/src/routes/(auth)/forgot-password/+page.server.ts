import { redirect } from '@sveltejs/kit';
import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.member) {
    redirect(303, '/account');
  }
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const email = text(await event.request.formData(), 'email');
    return attempt({ form: 'forgot', values: { email } }, async () => {
      const answer = await ok(
        api(callerOf(event)).POST('/api/v1/password-resets/requests', { body: { email } }),
      );
      // The same answer for every address: the page cannot tell whether it has an account.
      return { delivery: answer.delivery, email };
    });
  },
};
