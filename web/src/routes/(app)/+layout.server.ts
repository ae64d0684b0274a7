import type { OnboardingChecklistDto } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { callerOf, requireMember } from '$lib/server/guards';
import { CHECKLIST_COOKIE, CHECKLIST_HIDDEN } from '$lib/onboarding/checklist';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const member = requireMember(event);
  return { member, checklist: await checklistFor(event, member.role) };
};

/** The owner's checklist, for admins on the home page unless hidden; a failure only hides it. */
async function checklistFor(
  event: Parameters<LayoutServerLoad>[0],
  role: string,
): Promise<OnboardingChecklistDto | null> {
  if (
    role !== 'admin' ||
    event.url.pathname !== '/' ||
    event.cookies.get(CHECKLIST_COOKIE) === CHECKLIST_HIDDEN
  ) {
    return null;
  }
  return ok(api(callerOf(event)).GET('/api/v1/onboarding/checklist')).catch(() => null);
}
