import { monthOf, newDraft } from '$lib/missions/mission-form';
import { editorChoices, saveMission } from '$lib/server/mission-editor';
import { callerOf, failLoad, requireMissionManager } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireMissionManager(event);
  try {
    const choices = await editorChoices(callerOf(event), me);
    const draft = newDraft(monthOf(new Date(), me.organization.timezone));
    // A manager of one team sets missions for it without ticking it.
    if (choices.teams.length === 1 && me.role !== 'admin') {
      draft.teamIds = [choices.teams[0].id];
    }
    return { ...choices, draft, mission: null };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  default: (event) => saveMission(event, callerOf(event), null),
};
