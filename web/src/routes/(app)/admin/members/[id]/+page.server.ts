import { ROLES, type Role } from '@bravo/shared';
import { api, ok, type ApiSchemas } from '$lib/server/api-client';
import { attempt, localFailure, text } from '$lib/server/forms';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const caller = callerOf(event);
  try {
    const [subject, teams] = await Promise.all([
      ok(api(caller).GET('/api/v1/members/{id}', { params: { path: { id: event.params.id } } })),
      ok(api(caller).GET('/api/v1/teams')),
    ]);
    return { subject, teams: teams.sort((a, b) => a.name.localeCompare(b.name)) };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The typed share of full time as a number (a decimal comma is fine); null when it is not one. */
function factorOf(value: string): number | null {
  const normal = value.replace(/[,٫]/, '.');
  return /^\d*\.?\d+$/.test(normal) ? Number(normal) : null;
}

export const actions: Actions = {
  update: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const role = text(data, 'role');
    const teamId = text(data, 'teamId');
    const name = text(data, 'name');
    const email = text(data, 'email');
    const managedTeamIds = data.getAll('managedTeamIds').filter((v) => typeof v === 'string');
    const partTimeFactor = text(data, 'partTimeFactor');
    const input: ApiSchemas['UpdateMemberDto'] = { name, email, teamId: teamId || null };
    // A disabled select (editing yourself) sends no role: leave it as it is.
    if (isRole(role)) {
      input.role = role;
    }
    if (role === 'manager') {
      input.managedTeamIds = managedTeamIds;
    }
    const context = {
      form: 'update',
      values: {
        name,
        email,
        role,
        teamId,
        managedTeamIds: managedTeamIds.join(','),
        partTimeFactor,
      },
      url: event.url,
    };
    if (partTimeFactor !== '') {
      const factor = factorOf(partTimeFactor);
      if (factor === null) {
        return localFailure(context, { partTimeFactor: [{ code: 'invalid', params: {} }] });
      }
      // The API checks the range (0.1–1) and the two decimals.
      input.partTimeFactor = factor;
    }
    return attempt(context, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/members/{id}', {
          params: { path: { id: event.params.id } },
          body: input,
        }),
      );
      return { success: 'member_updated' };
    });
  },

  resetLink: async (event) => {
    requireAdmin(event);
    return attempt({ form: 'resetLink', url: event.url }, async () => {
      const resetLink = await ok(
        api(callerOf(event)).POST('/api/v1/password-resets', {
          body: { memberId: event.params.id },
        }),
      );
      return { success: 'reset_link_created', resetLink };
    });
  },

  status: async (event) => {
    requireAdmin(event);
    const active = text(await event.request.formData(), 'active') === 'true';
    return attempt({ form: 'status', url: event.url }, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/members/{id}', {
          params: { path: { id: event.params.id } },
          body: { active },
        }),
      );
      return { success: active ? 'member_activated' : 'member_deactivated' };
    });
  },
};
