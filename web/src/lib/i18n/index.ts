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

export { errorText, fieldErrorText, fieldMessages, type Translate } from './error-text';
