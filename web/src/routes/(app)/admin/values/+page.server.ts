import { api, type ApiCaller, done, ok } from '$lib/server/api-client';
import { attempt, text, texts } from '$lib/server/forms';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['name', 'hashtag', 'description', 'emoji', 'color'] as const;
const DEFAULT_COLOR = '#b45309';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  try {
    const values = await ok(api(callerOf(event)).GET('/api/v1/values'));
    return {
      active: values.filter((value) => !value.archived),
      archived: values.filter((value) => value.archived),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

async function stillExists(caller: ApiCaller, id: string): Promise<boolean> {
  const values = await ok(api(caller).GET('/api/v1/values'));
  return values.some((value) => value.id === id);
}

export const actions: Actions = {
  create: async (event) => {
    requireAdmin(event);
    const values = texts(await event.request.formData(), FIELDS);
    return attempt({ form: 'create', values, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).POST('/api/v1/values', {
          body: {
            name: values.name,
            hashtag: values.hashtag,
            description: values.description,
            ...(values.emoji ? { emoji: values.emoji } : {}),
            color: values.color || DEFAULT_COLOR,
          },
        }),
      );
      return { success: 'value_created' };
    });
  },

  update: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const values = texts(data, FIELDS);
    return attempt({ form: 'update', id, values, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/values/{id}', {
          params: { path: { id } },
          body: {
            name: values.name,
            hashtag: values.hashtag,
            description: values.description,
            emoji: values.emoji || null,
            color: values.color || DEFAULT_COLOR,
          },
        }),
      );
      return { success: 'value_updated' };
    });
  },

  archive: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const archived = text(data, 'archived') === 'true';
    return attempt({ form: 'archive', id, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/values/{id}', {
          params: { path: { id } },
          body: { archived },
        }),
      );
      return { success: archived ? 'value_archived' : 'value_unarchived' };
    });
  },

  delete: async (event) => {
    requireAdmin(event);
    const id = text(await event.request.formData(), 'id');
    const caller = callerOf(event);
    return attempt({ form: 'delete', id, url: event.url }, async () => {
      await done(api(caller).DELETE('/api/v1/values/{id}', { params: { path: { id } } }));
      // A value that kudos already use is archived by the API instead of deleted.
      return {
        success: (await stillExists(caller, id)) ? 'value_archived_instead' : 'value_deleted',
      };
    });
  },
};
