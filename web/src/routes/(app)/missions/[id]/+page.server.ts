import { api, ok } from '$lib/server/api-client';
import { answersOfForm } from '$lib/missions/mission-form';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMember(event);
  try {
    const mission = await ok(
      api(callerOf(event)).GET('/api/v1/missions/{id}', {
        params: { path: { id: event.params.id } },
      }),
    );
    return { mission };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  attempt: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const id = event.params.id;
    const count = Math.min(Number(text(data, 'questions')) || 0, 20);
    const answers = answersOfForm(data, count);
    const values = Object.fromEntries(
      answers.map((ticked, i) => [`answer.${i}`, ticked.join(',')]),
    );
    return attempt({ form: 'attempt', values, url: event.url }, async () => {
      const result = await ok(
        api(callerOf(event)).POST('/api/v1/missions/{id}/attempts', {
          params: { path: { id } },
          body: { answers },
        }),
      );
      return { result, answers };
    });
  },
};
