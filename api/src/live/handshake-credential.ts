import { SESSION_COOKIE } from '@bravo/shared';
import type { Socket } from 'socket.io';
import { readCookie } from '../auth/session-token';

/** What a handshake authenticates with: a screen link, a session token (API clients) or the browser's cookie. */
export interface HandshakeCredential {
  kind: 'display' | 'token' | 'cookie';
  token: string;
}

export function handshakeCredential(handshake: Socket['handshake']): HandshakeCredential | null {
  const auth = (handshake.auth ?? {}) as { token?: unknown; displayToken?: unknown };
  if (typeof auth.displayToken === 'string') {
    return { kind: 'display', token: auth.displayToken };
  }
  if (typeof auth.token === 'string') {
    return auth.token ? { kind: 'token', token: auth.token } : null;
  }
  const cookie = readCookie(handshake.headers.cookie, SESSION_COOKIE);
  return cookie ? { kind: 'cookie', token: cookie } : null;
}
