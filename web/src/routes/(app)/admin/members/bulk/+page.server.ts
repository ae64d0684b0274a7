import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireAdmin(event);
  return {};
};

const roleOf = (value: string): Role =>
  (ROLES as readonly string[]).includes(value) ? (value as Role) : 'employee';

export const actions: Actions = {
  /** Checks the pasted lines; creates nothing. */
  preview: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const values = { text: text(data, 'text', true), role: roleOf(text(data, 'role')) };
    return attempt({ form: 'bulk', values, url: event.url }, async () => {
      const preview = await ok(
        api(callerOf(event)).POST('/api/v1/invitations/bulk/preview', {
          body: { text: values.text, role: values.role },
        }),
      );
      // One key per checked list: sending it twice (a retry, a double click) creates it once.
      return { preview, ...values, key: randomUUID() };
    });
  },

  /** Creates every line's invitation, or none. */
  send: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const values = { text: text(data, 'text', true), role: roleOf(text(data, 'role')) };
    const key = text(data, 'key');
    return attempt({ form: 'bulk', values, url: event.url }, async () => {
      const result = await ok(
        api(callerOf(event)).POST('/api/v1/invitations/bulk', {
          body: { text: values.text, role: values.role },
          params: { header: { 'Idempotency-Key': key || undefined } },
        }),
      );
      return { success: 'invitations_created', result };
    });
  },
};
