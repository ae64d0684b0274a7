import { addMessages, init, locale } from 'svelte-i18n';

type Dictionary = Parameters<typeof addMessages>[1];
import type { Locale } from '@bravo/shared';

// One chunk per language: a reader downloads and parses only their own dictionary.
const dictionaries: Record<Locale, () => Promise<{ default: Dictionary }>> = {
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
};
const loaded = new Map<Locale, Promise<void>>();

void init({ fallbackLocale: 'en', initialLocale: 'en' });

/**
 * Registers a language's messages (once per process or tab). The root layout's load awaits
 * it, so rendering, which formats synchronously, always finds the messages it needs. No
 * fallback dictionary is needed: translations.spec.ts keeps every language complete.
 */
export function loadDictionary(value: Locale): Promise<void> {
  let done = loaded.get(value);
  if (!done) {
    done = dictionaries[value]().then((messages) => addMessages(value, messages.default));
    loaded.set(value, done);
  }
  return done;
}

/** Switches the language used by `$_`. Render is synchronous, so per-request SSR is safe. */
export function applyLocale(value: Locale): void {
  void locale.set(value);
}

export { errorText, fieldErrorText, fieldMessages, type Translate } from './error-text';
