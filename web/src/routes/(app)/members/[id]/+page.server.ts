import { error } from '@sveltejs/kit';
import { api, ApiError, ok, type ApiCaller } from '$lib/server/api-client';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import { UUID } from '$lib/server/request-params';
import type { PageServerLoad } from './$types';

/** Stories on a profile per page ("Older stories" continues with `?praiseBefore=`). */
const PRAISE_PAGE = 3;

/** The member's approved praise; a mangled `?praiseBefore=` starts again from the newest. */
async function praiseOf(caller: ApiCaller, memberId: string, before: string | undefined) {
  const page = (cursor: string | undefined) =>
    ok(
      api(caller).GET('/api/v1/praise/cards', {
        params: { query: { memberId, before: cursor, limit: PRAISE_PAGE } },
      }),
    );
  try {
    return { ...(await page(before)), before: before ?? null };
  } catch (cause) {
    if (before && cause instanceof ApiError && cause.status === 400) {
      return { ...(await page(undefined)), before: null };
    }
    throw cause;
  }
}

export const load: PageServerLoad = async (event) => {
  requireMember(event);
  const { id } = event.params;
  if (!UUID.test(id)) {
    error(404, { message: 'Not found', code: 'not_found' });
  }
  const caller = callerOf(event);
  const before = event.url.searchParams.get('praiseBefore') || undefined;
  try {
    const [profile, history, teams, badges, praise] = await Promise.all([
      ok(api(caller).GET('/api/v1/members/{id}/profile', { params: { path: { id } } })),
      ok(api(caller).GET('/api/v1/members/{id}/history', { params: { path: { id } } })),
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/members/{id}/badges', { params: { path: { id } } })),
      praiseOf(caller, id, before),
    ]);
    const team = teams.find((t) => t.id === profile.member.teamId) ?? null;
    return { profile, history, badges, praise, teamName: team?.name ?? null };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
