import { IntlMessageFormat } from 'intl-messageformat';
import { derived, writable } from 'svelte/store';
import type { Locale } from '@bravo/shared';
import { remembered } from '../hydration/format-seed';

/** A translation file: messages (ICU MessageFormat) under nested keys. */
export interface Dictionary {
  [key: string]: string | Dictionary;
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** `$_('kudos.give.heading')`, `$_('kudos.card.comments', { values: { count } })`. */
export type Translate = (
  id: string,
  options?: { values?: MessageValues; default?: string },
) => string;

const FALLBACK: Locale = 'en';
const messages = new Map<Locale, Map<string, string>>();
// Parsing a message costs far more than formatting it: one formatter per language and message.
const formatters = new Map<string, IntlMessageFormat>();

/** The language `$_` formats in. Set per request on the server (rendering is synchronous). */
export const locale = writable<Locale>(FALLBACK);

function flatten(dictionary: Dictionary, into: Map<string, string>, prefix = ''): void {
  for (const [key, value] of Object.entries(dictionary)) {
    if (typeof value === 'string') {
      into.set(prefix + key, value);
    } else {
      flatten(value, into, `${prefix}${key}.`);
    }
  }
}

export function addMessages(language: Locale, dictionary: Dictionary): void {
  const flat = messages.get(language) ?? new Map<string, string>();
  flatten(dictionary, flat);
  messages.set(language, flat);
}

/**
 * The message `id` in `language` (else English), its arguments filled in; a message with no
 * values is returned as written. When there is no such message, or its values do not fit it
 * (a parameter missing), `default` (else the message as written, else the id) stands in: a
 * page never fails over a message.
 */
export function translate(
  language: Locale,
  id: string,
  options: { values?: MessageValues; default?: string } = {},
): string {
  const found = messages.get(language)?.get(id);
  const message = found ?? messages.get(FALLBACK)?.get(id);
  if (message === undefined) {
    return options.default ?? id;
  }
  if (!options.values) {
    return message;
  }
  const used = found === undefined ? FALLBACK : language;
  const { values } = options;
  return remembered(`message|${used}|${id}|${JSON.stringify(values)}`, () => {
    const key = `${used}\u0000${id}`;
    let formatter = formatters.get(key);
    try {
      if (!formatter) {
        // Tags such as <b> are text here: markup never comes from a translation.
        formatter = new IntlMessageFormat(message, used, undefined, { ignoreTag: true });
        formatters.set(key, formatter);
      }
      return String(formatter.format(values));
    } catch (error) {
      console.warn(`message ${id} (${used}) could not be formatted:`, (error as Error).message);
      return options.default ?? message;
    }
  });
}

/** `$_` in components: follows `locale`. */
export const _ = derived(
  locale,
  (language): Translate =>
    (id, options) =>
      translate(language, id, options),
);
