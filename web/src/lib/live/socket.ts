import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { LIVE_REFUSALS, type ClientToServerEvents, type ServerToClientEvents } from '@bravo/shared';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveSocketOptions = Partial<ManagerOptions & SocketOptions>;

/** Why the server refused the handshake, from the `connect_error` message (`<reason>: …`). */
export type Refusal = 'unauthenticated' | 'display_not_connected' | 'cross_site_request';

const REFUSALS = new Set<string>(
  Object.values(LIVE_REFUSALS).map((message) => message.split(':')[0]),
);

export function refusalOf(error: Error): Refusal | null {
  const reason = error.message.split(':')[0];
  return REFUSALS.has(reason) ? (reason as Refusal) : null;
}

/**
 * A socket.io connection to this origin. The client library is loaded on first
 * use, so pages pay for it only once a live feature starts in the browser.
 * WebSocket first; long-polling only where a proxy blocks WebSockets.
 */
export async function openSocket(options: LiveSocketOptions = {}): Promise<LiveSocket> {
  const { io } = await import('socket.io-client');
  return io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    // Every tab is its own connection; a recreated socket must not reuse a broken manager.
    forceNew: true,
    ...options,
  });
}
