import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, publicPageLocale } from './locale';

const page = (search = '') => new URL(`http://bravo.test/p/abcd2345xy${search}`);

describe('publicPageLocale', () => {
  it("speaks the phone's language", () => {
    expect(publicPageLocale(page(), 'ar-EG,ar;q=0.9,en;q=0.5')).toBe('ar');
    expect(publicPageLocale(page(), 'de-DE,en;q=0.8')).toBe('en');
  });

  it("lets the page's own link choose, whatever the phone says", () => {
    expect(publicPageLocale(page('?lang=ar'), 'en-GB')).toBe('ar');
    expect(publicPageLocale(page('?lang=en'), 'ar')).toBe('en');
  });

  it('falls back to English for an unknown language or none at all', () => {
    expect(publicPageLocale(page('?lang=xx'), null)).toBe('en');
    expect(publicPageLocale(page('?lang=xx'), 'ar')).toBe('ar');
    expect(publicPageLocale(page(), '')).toBe('en');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('takes the best-weighted supported language, ignoring q=0', () => {
    expect(localeFromAcceptLanguage('fr;q=1, ar;q=0.4, en;q=0.6')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0, ar;q=0.1')).toBe('ar');
  });
});
