import type { Handle, HandleServerError } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { isLocale, SESSION_COOKIE } from '@bravo/shared';
import { api, ApiError, ok } from '$lib/server/api-client';
import { callerOf } from '$lib/server/guards';
import { directionOf, pickLocale, publicPageLocale } from '$lib/server/locale';
import {
  applySecurityHeaders,
  parseFrameAncestors,
  securityHeaders,
} from '$lib/server/security-headers';
import { clearSessionCookie } from '$lib/server/session';

/** TV screens: nobody logs in; English unless the link asks for another language (`?lang=ar`). */
const isScreen = (url: URL) => url.pathname === '/tv' || url.pathname.startsWith('/tv/');

/** A team's public praise page (`/p/<code>`): customers, never a session, their own language. */
const isPublicPraise = (url: URL) => url.pathname.startsWith('/p/');

// Read once at start-up: a bad value stops the start with the variable's name.
const security = { frameAncestors: parseFrameAncestors(env.FRAME_ANCESTORS) };

export const handle: Handle = async ({ event, resolve }) => {
  if (isScreen(event.url)) {
    const lang = event.url.searchParams.get('lang');
    event.locals.token = null;
    event.locals.member = null;
    event.locals.apiUnavailable = false;
    event.locals.locale = isLocale(lang) ? lang : 'en';
    return render({ event, resolve });
  }
  if (isPublicPraise(event.url)) {
    // Even a member's own session stays out: the page speaks as the shop, to a customer.
    event.locals.token = null;
    event.locals.member = null;
    event.locals.apiUnavailable = false;
    event.locals.locale = publicPageLocale(event.url, event.request.headers.get('accept-language'));
    return render({ event, resolve });
  }

  const token = event.cookies.get(SESSION_COOKIE) || null;
  event.locals.token = token;
  event.locals.member = null;
  event.locals.apiUnavailable = false;

  if (token) {
    try {
      event.locals.member = await ok(api(callerOf(event)).GET('/api/v1/me'));
    } catch (cause) {
      if (!(cause instanceof ApiError)) {
        throw cause;
      }
      if (cause.status === 401) {
        // Expired or revoked: forget it so the user is simply logged out.
        clearSessionCookie(event.cookies, event.url);
        event.locals.token = null;
      } else {
        event.locals.apiUnavailable = true;
        console.error(`GET /api/v1/me failed: ${cause.status} ${cause.message}`);
      }
    }
  }

  const locale = pickLocale(
    event.locals.member?.locale,
    event.cookies,
    event.request.headers.get('accept-language'),
  );
  event.locals.locale = locale;
  return render({ event, resolve });
};

/** The page in the request's language, with `lang` and `dir` set on <html>, and the security headers. */
async function render({ event, resolve }: Parameters<Handle>[0]) {
  const { locale } = event.locals;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) =>
      html.replace('%lang%', locale).replace('%dir%', directionOf(locale)),
  });
  // The API process sets X-Forwarded-Proto (from a trusted proxy, else http); adapter-node reads it.
  const tls = event.url.protocol === 'https:';
  applySecurityHeaders(response, securityHeaders({ screen: isScreen(event.url), tls }, security));
  return response;
}

export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status >= 500) {
    console.error(error);
  }
  // No answer, or an answer that says "not now" (503: its database is away): the calm page.
  if (error instanceof ApiError && (error.unreachable || error.status === 503)) {
    return { message: error.message, code: 'unavailable' };
  }
  return { message, code: status === 404 ? 'not_found' : 'internal_error' };
};
