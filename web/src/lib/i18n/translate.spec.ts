import { get } from 'svelte/store';
import { describe, expect, it, vi } from 'vitest';
import { _, addMessages, locale, translate } from './translate';

addMessages('en', {
  test: {
    hello: 'Hello, {name}!',
    plain: "It's {not} formatted",
    count: '{count, plural, one {# kudos} other {# kudos}}',
    onlyEnglish: 'Only in English',
  },
});
addMessages('ar', { test: { hello: 'مرحبًا، {name}!', count: '{count} تقدير' } });

describe('translate', () => {
  it('fills in the values in the language asked for', () => {
    expect(translate('en', 'test.hello', { values: { name: 'Rosa' } })).toBe('Hello, Rosa!');
    expect(translate('ar', 'test.hello', { values: { name: 'Rosa' } })).toBe('مرحبًا، Rosa!');
    expect(translate('en', 'test.count', { values: { count: 1 } })).toBe('1 kudos');
  });

  it('returns a message without values as written', () => {
    expect(translate('en', 'test.plain')).toBe("It's {not} formatted");
  });

  it('falls back to English, then to the default, then to the id', () => {
    expect(translate('ar', 'test.onlyEnglish')).toBe('Only in English');
    expect(translate('ar', 'test.none', { default: 'Something' })).toBe('Something');
    expect(translate('en', 'test.none')).toBe('test.none');
  });

  it('gives the default, never an exception, when a value is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(translate('en', 'test.hello', { values: {}, default: 'Hello!' })).toBe('Hello!');
    expect(translate('en', 'test.hello', { values: {} })).toBe('Hello, {name}!');
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('`$_` follows the locale store', () => {
    locale.set('ar');
    expect(get(_)('test.count', { values: { count: 3 } })).toBe('3 تقدير');
    locale.set('en');
    expect(get(_)('test.count', { values: { count: 3 } })).toBe('3 kudos');
  });
});
