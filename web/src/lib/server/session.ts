import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, type SessionDto } from '@bravo/shared';

/** Keeps the API's session token in an httpOnly cookie that only the web server reads. */
export function setSessionCookie(cookies: Cookies, url: URL, session: SessionDto): void {
  cookies.set(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
  });
}
