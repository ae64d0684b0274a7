import { LIMITS } from '@bravo/shared';

/** The starter brand values signup offers; their words are `onboarding.starters.<key>` in each language. */
export const STARTER_KEYS = ['warmWelcome', 'knowProducts', 'ownIt', 'teamPlayer'] as const;
export type StarterKey = (typeof STARTER_KEYS)[number];

/** Input names of one starter's checkbox and fields. */
export const starterField = (key: StarterKey, part: 'use' | 'name' | 'description') =>
  `starter.${key}.${part}`;

/**
 * The ticked starters as the signup body's `values`, in the order offered; a ticked one
 * whose name was emptied is left out (nothing to create), text is cut to the API's bounds.
 */
export function starterValuesFrom(data: FormData): { name: string; description: string }[] {
  const read = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return STARTER_KEYS.filter((key) => data.has(starterField(key, 'use')))
    .map((key) => ({
      name: read(starterField(key, 'name')).slice(0, LIMITS.valueNameMax),
      description: read(starterField(key, 'description')).slice(0, LIMITS.valueDescriptionMax),
    }))
    .filter((value) => value.name !== '');
}

/** Every starter field as typed, to refill the form after an error. */
export function starterTextsFrom(data: FormData): Record<string, string> {
  return Object.fromEntries(
    STARTER_KEYS.flatMap((key) =>
      (['use', 'name', 'description'] as const).map((part) => {
        const name = starterField(key, part);
        const value = data.get(name);
        return [name, typeof value === 'string' ? value : ''];
      }),
    ),
  );
}
