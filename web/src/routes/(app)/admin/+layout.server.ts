import { requireAdmin, requireScreenManager } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  // Screens are the one admin section managers use too, for the teams they manage.
  if (event.route.id?.startsWith('/(app)/admin/displays')) {
    requireScreenManager(event);
  } else {
    requireAdmin(event);
  }
};
