import { tickParts, type ServerToClientEvents } from '@bravo/shared';
import { io, type Socket } from 'socket.io-client';

export type LiveClient = Socket<ServerToClientEvents, Record<string, never>>;

/** A real socket.io client over websockets; resolves once connected or rejects with the refusal. */
export function connectLive(
  baseUrl: string,
  auth: Record<string, string> = {},
  headers: Record<string, string> = {},
  reconnection = false,
): Promise<LiveClient> {
  const socket: LiveClient = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth,
    extraHeaders: headers,
    reconnection,
    reconnectionDelay: 100,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Collects every payload of one event, whether sent alone or as part of a tick. */
export function record<E extends keyof ServerToClientEvents>(
  socket: LiveClient,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  const seen: Payload[] = [];
  socket.on(event, ((payload: Payload) => seen.push(payload)) as never);
  socket.on('live.tick', (tick) => {
    for (const [name, payload] of tickParts(tick)) {
      if (name === event) {
        seen.push(payload as Payload);
      }
    }
  });
  return seen;
}

/** Every message a socket receives, by event name (a tick counts once). */
export function countMessages(socket: LiveClient): Map<string, number> {
  const counts = new Map<string, number>();
  socket.onAny((name: string) => counts.set(name, (counts.get(name) ?? 0) + 1));
  return counts;
}
