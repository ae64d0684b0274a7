import { error } from '@sveltejs/kit';
import { api, ok } from '$lib/server/api-client';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import { UUID } from '$lib/server/request-params';
import type { PageServerLoad } from './$types';

/** One kudos on its own page: where a points history line links to. */
export const load: PageServerLoad = async (event) => {
  requireMember(event);
  const { id } = event.params;
  if (!UUID.test(id)) {
    error(404, { message: 'Not found', code: 'not_found' });
  }
  try {
    return {
      kudos: await ok(api(callerOf(event)).GET('/api/v1/kudos/{id}', { params: { path: { id } } })),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
