import { fail } from '@sveltejs/kit';
import { MEMBER_IMPORT_LIMITS } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireAdmin(event);
  return {};
};

export const actions: Actions = {
  /** Reads the uploaded file and shows what importing it would do; writes nothing. */
  preview: async (event) => {
    requireAdmin(event);
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { form: 'import', problem: 'no_file' as const });
    }
    if (file.size > MEMBER_IMPORT_LIMITS.bytes) {
      return fail(400, { form: 'import', problem: 'too_large' as const });
    }
    const csv = await file.text();
    return attempt({ form: 'import', url: event.url }, async () => {
      const preview = await ok(
        api(callerOf(event)).POST('/api/v1/member-import/preview', { body: { csv } }),
      );
      // The file's text goes back in a hidden field: "Apply" works without JavaScript.
      return { preview, csv };
    });
  },

  /** Applies the checked file; a repeat changes nothing. */
  apply: async (event) => {
    requireAdmin(event);
    const csv = text(await event.request.formData(), 'csv', true);
    return attempt({ form: 'import', url: event.url }, async () => {
      const result = await ok(
        api(callerOf(event)).POST('/api/v1/member-import/apply', { body: { csv } }),
      );
      return { result };
    });
  },
};
