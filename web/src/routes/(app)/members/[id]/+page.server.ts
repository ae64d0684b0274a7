import { error } from '@sveltejs/kit';
import { api, ok } from '$lib/server/api-client';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import { UUID } from '$lib/server/request-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMember(event);
  const { id } = event.params;
  if (!UUID.test(id)) {
    error(404, { message: 'Not found', code: 'not_found' });
  }
  const caller = callerOf(event);
  try {
    const [profile, history, teams] = await Promise.all([
      ok(api(caller).GET('/api/v1/members/{id}/profile', { params: { path: { id } } })),
      ok(api(caller).GET('/api/v1/members/{id}/history', { params: { path: { id } } })),
      ok(api(caller).GET('/api/v1/teams')),
    ]);
    const team = teams.find((t) => t.id === profile.member.teamId) ?? null;
    return { profile, history, teamName: team?.name ?? null };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
