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
    const [profile, history, teams, badges] = await Promise.all([
      ok(api(caller).GET('/api/v1/members/{id}/profile', { params: { path: { id } } })),
      ok(api(caller).GET('/api/v1/members/{id}/history', { params: { path: { id } } })),
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/members/{id}/badges', { params: { path: { id } } })),
    ]);
    const team = teams.find((t) => t.id === profile.member.teamId) ?? null;
    return { profile, history, badges, teamName: team?.name ?? null };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
