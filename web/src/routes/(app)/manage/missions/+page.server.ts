import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireMissionManager } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMissionManager(event);
  const caller = callerOf(event);
  try {
    const [missions, teams, pending, praise] = await Promise.all([
      ok(api(caller).GET('/api/v1/missions/managed')),
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/mission-submissions/pending')),
      ok(api(caller).GET('/api/v1/praise/pending')),
    ]);
    return {
      missions,
      // One queue: missions' submissions and customers' praise.
      pendingCount: pending.length + praise.length,
      teamNames: Object.fromEntries(teams.map((team) => [team.id, team.name])),
      saved: event.url.searchParams.get('saved'),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

type Step = 'publish' | 'close' | 'repeat';
const PATHS = {
  publish: '/api/v1/missions/{id}/publish',
  close: '/api/v1/missions/{id}/close',
  repeat: '/api/v1/missions/{id}/repeat',
} as const;

const DONE = {
  publish: 'mission_published',
  close: 'mission_closed',
  repeat: 'mission_repeated',
} as const;

/** One lifecycle step on one mission. */
async function step(event: RequestEvent, name: Step) {
  requireMissionManager(event);
  const id = text(await event.request.formData(), 'id');
  return attempt({ form: name, id, url: event.url }, async () => {
    await ok(api(callerOf(event)).POST(PATHS[name], { params: { path: { id } } }));
    return { success: DONE[name] };
  });
}

export const actions: Actions = {
  publish: (event) => step(event, 'publish'),
  close: (event) => step(event, 'close'),
  repeat: (event) => step(event, 'repeat'),
};
