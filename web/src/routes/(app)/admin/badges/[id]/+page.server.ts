import { api, ok } from '$lib/server/api-client';
import { previewBadge, saveBadge } from '$lib/server/badge-editor';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const caller = callerOf(event);
  try {
    const [badge, values] = await Promise.all([
      ok(api(caller).GET('/api/v1/badges/{id}', { params: { path: { id: event.params.id } } })),
      ok(api(caller).GET('/api/v1/values')),
    ]);
    // A value archived since stays choosable here, so saving does not drop it unasked.
    return {
      badge,
      values: values.filter((value) => !value.archived || value.id === badge.valueId),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  /** Who would earn the edited rule now, without saving. */
  preview: (event) => {
    requireAdmin(event);
    return previewBadge(event);
  },

  /** A changed rule awards everyone who now qualifies (the API does it in the same save). */
  save: (event) => {
    requireAdmin(event);
    return saveBadge(event, event.params.id);
  },
};
