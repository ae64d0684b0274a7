import { api, ok } from '$lib/server/api-client';
import { callerOf, failLoad, requireScreenManager } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The teams whose praise poster the caller may print: an admin's all, a manager's own. */
export const load: PageServerLoad = async (event) => {
  // Whoever may set up a store's screens may print its posters: admins, managers of a team.
  const me = requireScreenManager(event);
  try {
    const teams = await ok(api(callerOf(event)).GET('/api/v1/teams'));
    return {
      teams: teams
        .filter((team) => me.role === 'admin' || me.managedTeamIds.includes(team.id))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
