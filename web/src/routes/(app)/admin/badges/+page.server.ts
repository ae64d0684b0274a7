import { api, done, ok } from '$lib/server/api-client';
import { previewBadge, saveBadge } from '$lib/server/badge-editor';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const caller = callerOf(event);
  try {
    const [badges, values] = await Promise.all([
      ok(api(caller).GET('/api/v1/badges')),
      ok(api(caller).GET('/api/v1/values')),
    ]);
    return {
      badges: badges.sort((a, b) => a.name.localeCompare(b.name)),
      values: values.filter((value) => !value.archived),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  /** Who would earn the rule now, without creating anything. */
  preview: (event) => {
    requireAdmin(event);
    return previewBadge(event);
  },

  create: (event) => {
    requireAdmin(event);
    return saveBadge(event, null);
  },

  deactivate: async (event) => {
    requireAdmin(event);
    const id = text(await event.request.formData(), 'id');
    return attempt({ form: 'deactivate', id, url: event.url }, async () => {
      await done(
        api(callerOf(event)).POST('/api/v1/badges/{id}/deactivate', { params: { path: { id } } }),
      );
      return { success: 'badge_deactivated' };
    });
  },
};
