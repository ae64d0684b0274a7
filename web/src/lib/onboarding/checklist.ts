import type { OnboardingChecklistDto } from '@bravo/shared';

/** Set when the owner hides the checklist (this browser only). */
export const CHECKLIST_COOKIE = 'bravo_checklist';
export const CHECKLIST_HIDDEN = 'hidden';

export type ChecklistStep = keyof OnboardingChecklistDto;

/** The steps in the order an owner takes them, each with the page where it is done. */
export const CHECKLIST_STEPS: readonly { step: ChecklistStep; href: string }[] = [
  { step: 'values', href: '/admin/values' },
  { step: 'team', href: '/admin/teams' },
  { step: 'colleagues', href: '/admin/members' },
  { step: 'screen', href: '/admin/displays' },
  // The give-kudos box is on the home page itself.
  { step: 'kudos', href: '/#give-kudos' },
];

/** The checklist to show, or null once every step is done. */
export function openChecklist(
  state: OnboardingChecklistDto,
): { step: ChecklistStep; href: string; done: boolean }[] | null {
  const steps = CHECKLIST_STEPS.map((s) => ({ ...s, done: state[s.step] }));
  return steps.every((s) => s.done) ? null : steps;
}
