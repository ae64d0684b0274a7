import { IntlMessageFormat } from 'intl-messageformat';
import { isLocale, type Locale } from '@bravo/shared';
import { addMessages, locale, type Dictionary } from './translate';

// One chunk per language: a reader downloads and parses only their own dictionary.
const dictionaries: Record<Locale, () => Promise<{ default: Dictionary }>> = {
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
};
const loaded = new Map<Locale, Promise<void>>();

// Every message with arguments builds a formatter, and each asked ICU which locales it
// supports (Intl.NumberFormat.supportedLocalesOf): tens of milliseconds of a phone's
// hydration. Ours are supported by every engine, so each is resolved once, without asking.
const resolvedLocales = new Map<string, Intl.Locale | undefined>();
const resolveLocale = IntlMessageFormat.resolveLocale.bind(IntlMessageFormat);
IntlMessageFormat.resolveLocale = (locales: string | string[]) => {
  const key = String(locales);
  if (!resolvedLocales.has(key)) {
    resolvedLocales.set(
      key,
      isLocale(key) && typeof Intl.Locale === 'function'
        ? new Intl.Locale(key)
        : resolveLocale(locales),
    );
  }
  return resolvedLocales.get(key);
};

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
  locale.set(value);
}

export { _, translate, type MessageValues, type Translate } from './translate';

export { errorText, fieldErrorText, fieldMessages } from './error-text';
