import { POINT_RULE_RANGES, type PointRules } from '@bravo/shared';
import type { FieldProblem } from '$lib/forms';
import { api, ok } from '$lib/server/api-client';
import { attempt, localFailure, text, texts } from '$lib/server/forms';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const RULE_KEYS = Object.keys(POINT_RULE_RANGES) as (keyof PointRules)[];

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  try {
    return {
      organization: await ok(api(callerOf(event)).GET('/api/v1/organization')),
      timeZones: Intl.supportedValuesOf('timeZone'),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const values = texts(data, ['name', 'timezone', ...RULE_KEYS.map((key) => `rules.${key}`)]);
    const context = { form: 'settings', values, url: event.url };

    const rules: Partial<PointRules> = {};
    const invalid: Record<string, FieldProblem[]> = {};
    for (const key of RULE_KEYS) {
      const raw = text(data, `rules.${key}`);
      const { min, max } = POINT_RULE_RANGES[key];
      const number = Number(raw);
      if (raw === '' || !Number.isInteger(number) || number < min || number > max) {
        invalid[`rules.${key}`] = [{ code: 'out_of_range', params: { min, max } }];
      } else {
        rules[key] = number;
      }
    }
    if (Object.keys(invalid).length > 0) {
      return localFailure(context, invalid);
    }

    return attempt(context, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/organization', {
          body: {
            name: values.name,
            timezone: values.timezone,
            rules,
          },
        }),
      );
      return { success: 'settings_saved' };
    });
  },
};
