import type { Cookies } from '@sveltejs/kit';
import { isLocale, RTL_LOCALES, type Locale } from '@bravo/shared';

/** Remembers the language of visitors who are not logged in. */
export const LOCALE_COOKIE = 'bravo_locale';

/** The best supported language of an `Accept-Language` header, or null. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) {
    return null;
  }
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        lang: tag.toLowerCase().split('-')[0],
        weight: Number.isNaN(weight) ? 0 : weight,
        index,
      };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? null;
}

/** The member's language, else the cookie, else the browser's, else English. */
export function pickLocale(
  memberLocale: Locale | null | undefined,
  cookies: Cookies,
  acceptLanguage: string | null,
): Locale {
  if (isLocale(memberLocale)) {
    return memberLocale;
  }
  const cookie = cookies.get(LOCALE_COOKIE);
  if (isLocale(cookie)) {
    return cookie;
  }
  return localeFromAcceptLanguage(acceptLanguage) ?? 'en';
}

/**
 * A customer's language on a public page (the praise page behind a poster's QR code):
 * the link's `?lang=` (the page's own switch), else the phone's, else English. No account
 * and no cookie: the switch is a plain link that every link and form on the page keeps.
 */
export function publicPageLocale(url: URL, acceptLanguage: string | null): Locale {
  const lang = url.searchParams.get('lang');
  return isLocale(lang) ? lang : (localeFromAcceptLanguage(acceptLanguage) ?? 'en');
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
  cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: 60 * 60 * 24 * 365,
  });
}
