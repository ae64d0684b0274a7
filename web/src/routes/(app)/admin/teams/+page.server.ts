import { api, done, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  try {
    const teams = await ok(api(callerOf(event)).GET('/api/v1/teams'));
    return { teams: teams.sort((a, b) => a.name.localeCompare(b.name)) };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  create: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const name = text(data, 'name');
    return attempt({ form: 'create', values: { name }, url: event.url }, async () => {
      await ok(api(callerOf(event)).POST('/api/v1/teams', { body: { name } }));
      return { success: 'team_created' };
    });
  },

  rename: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const name = text(data, 'name');
    return attempt({ form: 'rename', id, values: { name }, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/teams/{id}', {
          params: { path: { id } },
          body: { name },
        }),
      );
      return { success: 'team_renamed' };
    });
  },

  delete: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    return attempt({ form: 'delete', id, url: event.url }, async () => {
      await done(api(callerOf(event)).DELETE('/api/v1/teams/{id}', { params: { path: { id } } }));
      return { success: 'team_deleted' };
    });
  },
};
