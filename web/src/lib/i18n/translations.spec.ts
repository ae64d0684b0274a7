import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';

type Messages = { [key: string]: string | Messages };

/** Every message by its dotted key. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      flat.set(path, value);
    } else {
      flatten(value, path).forEach((text, inner) => flat.set(inner, text));
    }
  }
  return flat;
}

/** The arguments (`{name}`, `{count, plural, …}`) of an ICU message, from the parser intl-messageformat uses. */
function argumentsOf(text: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (
        isArgumentElement(element) ||
        isNumberElement(element) ||
        isDateElement(element) ||
        isTimeElement(element)
      ) {
        names.add(element.value);
      } else if (isPluralElement(element) || isSelectElement(element)) {
        names.add(element.value);
        Object.values(element.options).forEach((option) => visit(option.value));
      } else if (isTagElement(element)) {
        visit(element.children);
      }
    }
  };
  visit(parse(text, { ignoreTag: true }));
  return [...names].sort();
}

const english = flatten(en);
const arabic = flatten(ar);

describe('translations', () => {
  it('has every English key in Arabic and no Arabic key that English lacks', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...english]
      .filter(
        ([key, text]) => argumentsOf(text).join() !== argumentsOf(arabic.get(key) ?? '').join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('reads placeholders, plural arguments included', () => {
    expect(argumentsOf('{name}: {count, plural, =0 {None} other {# by {giver}}}')).toEqual([
      'count',
      'giver',
      'name',
    ]);
  });
});
