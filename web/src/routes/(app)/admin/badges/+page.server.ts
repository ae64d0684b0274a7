import type { BadgeIcon } from '@bravo/shared';
import { BADGE_FIELDS, badgeBonus, badgeRule } from '$lib/badges/badge-form';
import { api, done, ok } from '$lib/server/api-client';
import { attempt, localFailure, text, texts } from '$lib/server/forms';
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
  preview: async (event) => {
    requireAdmin(event);
    const values = texts(await event.request.formData(), BADGE_FIELDS);
    const { rule, problems } = badgeRule(values);
    const context = { form: 'badge', values, url: event.url };
    if (Object.keys(problems).length > 0) {
      return localFailure(context, problems);
    }
    return attempt(context, async () => {
      const preview = await ok(api(callerOf(event)).POST('/api/v1/badges/preview', { body: rule }));
      return { preview, values };
    });
  },

  create: async (event) => {
    requireAdmin(event);
    const values = texts(await event.request.formData(), BADGE_FIELDS);
    const { rule, problems } = badgeRule(values);
    const { bonus, ok: bonusOk } = badgeBonus(values.bonusPoints ?? '');
    const context = { form: 'badge', values, url: event.url };
    if (!bonusOk) {
      problems.bonusPoints = [{ code: 'not_whole_number', params: {} }];
    }
    if (Object.keys(problems).length > 0) {
      return localFailure(context, problems);
    }
    return attempt(context, async () => {
      await ok(
        api(callerOf(event)).POST('/api/v1/badges', {
          body: {
            ...rule,
            name: values.name,
            icon: values.icon as BadgeIcon,
            description: values.description,
            bonusPoints: bonus ?? 0,
          },
        }),
      );
      return { success: 'badge_created' };
    });
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
