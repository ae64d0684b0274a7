import { LIMITS, ROLES, type Role } from '@bravo/shared';
import { api, done, ok } from '$lib/server/api-client';
import { attempt, text, texts } from '$lib/server/forms';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = LIMITS.pageSizeDefault;

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const { searchParams } = event.url;
  const query = (searchParams.get('q') ?? '').trim().slice(0, LIMITS.searchQueryMax);
  const includeInactive = searchParams.get('inactive') === '1';
  const offset = Math.max(0, Math.floor(Number(searchParams.get('offset')) || 0));
  const caller = callerOf(event);
  try {
    const [members, teams, invitations] = await Promise.all([
      ok(
        api(caller).GET('/api/v1/members', {
          params: { query: { query, includeInactive, limit: PAGE_SIZE, offset } },
        }),
      ),
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/invitations')),
    ]);
    return {
      members,
      teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
      invitations,
      search: { query, includeInactive, offset, pageSize: PAGE_SIZE },
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const actions: Actions = {
  invite: async (event) => {
    requireAdmin(event);
    const values = texts(await event.request.formData(), ['email', 'name', 'role', 'teamId']);
    return attempt({ form: 'invite', values, url: event.url }, async () => {
      const invitation = await ok(
        api(callerOf(event)).POST('/api/v1/invitations', {
          body: {
            email: values.email,
            name: values.name,
            role: isRole(values.role) ? values.role : 'employee',
            teamId: values.teamId || null,
          },
        }),
      );
      return { success: 'invitation_created', invitation };
    });
  },

  revoke: async (event) => {
    requireAdmin(event);
    const id = text(await event.request.formData(), 'id');
    return attempt({ form: 'revoke', id, url: event.url }, async () => {
      await done(
        api(callerOf(event)).DELETE('/api/v1/invitations/{id}', { params: { path: { id } } }),
      );
      return { success: 'invitation_revoked' };
    });
  },
};
