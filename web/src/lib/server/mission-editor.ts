import { redirect } from '@sveltejs/kit';
import type { MeDto } from '@bravo/shared';
import {
  bodyOfDraft,
  draftOfForm,
  errorsBySlot,
  valuesOfDraft,
  type MissionBody,
} from '$lib/missions/mission-form';
import { api, ok, type ApiCaller } from './api-client';
import { attempt, localFailure } from './forms';
import { requireMissionManager } from './guards';

/** The teams a mission may be for (a manager: the ones they manage) and the active brand values. */
export async function editorChoices(caller: ApiCaller, me: MeDto) {
  const [teams, values] = await Promise.all([
    ok(api(caller).GET('/api/v1/teams')),
    ok(api(caller).GET('/api/v1/values')),
  ]);
  return {
    teams: teams
      .filter((team) => me.role === 'admin' || me.managedTeamIds.includes(team.id))
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    values: values
      .filter((value) => !value.archived)
      .map(({ id, name, emoji }) => ({ id, name, emoji })),
    canChooseEveryone: me.role === 'admin',
  };
}

interface SaveEvent {
  locals: App.Locals;
  url: URL;
  request: Request;
  getClientAddress: () => string;
}

/**
 * The editor's one action: the form read into a draft, checked for what only the web
 * can see, sent (created, or changed when `id` is given), and back to the list.
 */
export async function saveMission(event: SaveEvent, caller: ApiCaller, id: string | null) {
  const me = requireMissionManager(event);
  const draft = draftOfForm(await event.request.formData());
  const { body, slots, problems } = bodyOfDraft(draft, me.role === 'admin');
  const context = { form: 'mission', values: valuesOfDraft(draft), url: event.url };
  if (Object.keys(problems).length > 0) {
    return localFailure(context, problems);
  }
  const failed = await attempt(context, async () => {
    const saved = await ok(send(caller, id, body));
    return saved.id;
  });
  if (typeof failed === 'string') {
    redirect(303, `/manage/missions?saved=${encodeURIComponent(failed)}`);
  }
  // The API numbers only the questions sent; the form shows them in their slots.
  failed.data.fieldErrors = errorsBySlot(failed.data.fieldErrors, slots);
  return failed;
}

function send(caller: ApiCaller, id: string | null, body: MissionBody) {
  return id
    ? api(caller).PATCH('/api/v1/missions/{id}', { params: { path: { id } }, body })
    : api(caller).POST('/api/v1/missions', { body });
}
