import type { OnboardingChecklistDto } from '@bravo/shared';

export class OnboardingChecklistResponse implements OnboardingChecklistDto {
  values: boolean;
  team: boolean;
  /** A colleague was invited or has joined. */
  colleagues: boolean;
  /** A screen exists (paired or by link). */
  screen: boolean;
  kudos: boolean;
}
