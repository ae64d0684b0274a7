import { SESSION_COOKIE, type SessionDto } from '@bravo/shared';
import type { FastifyReply } from 'fastify';

/** The browser's copy of the session: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, session: SessionDto): SessionDto {
  const secure = reply.request.protocol === 'https';
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(session.token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${new Date(session.expiresAt).toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ];
  void reply.header('set-cookie', parts.join('; '));
  return session;
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
}
