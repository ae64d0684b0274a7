import { addMessages, init, locale } from 'svelte-i18n';
import type { Locale } from '@bravo/shared';
import ar from './ar.json';
import en from './en.json';

// Registered synchronously (no lazy loaders) so server rendering is deterministic.
addMessages('en', en);
addMessages('ar', ar);
void init({ fallbackLocale: 'en', initialLocale: 'en' });

/** Switches the language used by `$_`. Render is synchronous, so per-request SSR is safe. */
export function applyLocale(value: Locale): void {
  void locale.set(value);
}

/** The part of svelte-i18n's `$_` that our helpers use. */
export type Translate = (
  id: string,
  options?: { values?: Record<string, string | number>; default?: string },
) => string;

/** An API error in the reader's language (`errors.<code>`), else the API's own words. */
export function errorText(t: Translate, error: { code: string; message: string }): string {
  return t(`errors.${error.code}`, { default: error.message });
}
