import { api, ok } from '$lib/server/api-client';
import { draftOfMission } from '$lib/missions/mission-form';
import { editorChoices, saveMission } from '$lib/server/mission-editor';
import { callerOf, failLoad, requireMissionManager } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireMissionManager(event);
  try {
    const caller = callerOf(event);
    const [choices, mission] = await Promise.all([
      editorChoices(caller, me),
      ok(
        api(caller).GET('/api/v1/missions/managed/{id}', {
          params: { path: { id: event.params.id } },
        }),
      ),
    ]);
    // A value archived since stays choosable here, so saving does not drop it unasked.
    const current = mission.value;
    if (current && !choices.values.some((value) => value.id === current.id)) {
      choices.values.push({ id: current.id, name: current.name, emoji: current.emoji });
    }
    return { ...choices, draft: draftOfMission(mission), mission };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  default: (event) => saveMission(event, callerOf(event), event.params.id),
};
