import { LIMITS, type MemberSummary } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { attempt, localFailure, text } from '$lib/server/forms';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import { readPraiseForm } from '$lib/praise/praise-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireMember(event);
  const caller = callerOf(event);
  try {
    const [members, teams] = await Promise.all([
      ok(api(caller).GET('/api/v1/members', { params: { query: { limit: LIMITS.pageSizeMax } } })),
      ok(api(caller).GET('/api/v1/teams')),
    ]);
    // The recorder may be the one praised: everyone is offered, them included.
    const colleagues: MemberSummary[] = members.items.map(({ id, name, teamId }) => ({
      id,
      name,
      teamId,
    }));
    return {
      colleagues,
      colleaguesComplete: members.total <= members.items.length,
      teams: teams.map(({ id, name }) => ({ id, name })),
      teamNames: Object.fromEntries(teams.map((team) => [team.id, team.name])),
      myTeamId: me.teamId,
      // One per rendering of the form: a double submit or a retry records the praise once.
      praiseKey: crypto.randomUUID(),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const { body, values, problems } = readPraiseForm(data);
    const context = { form: 'praise', values, url: event.url };
    if (Object.keys(problems).length > 0) {
      return localFailure(context, problems);
    }
    const key = text(data, 'idempotencyKey').slice(0, LIMITS.idempotencyKeyMax);
    return attempt(context, async () => {
      const praise = await ok(
        api(callerOf(event)).POST('/api/v1/praise', {
          body,
          params: { header: { 'Idempotency-Key': key || undefined } },
        }),
      );
      return { success: 'praise_recorded', praiseId: praise.id };
    });
  },
};
