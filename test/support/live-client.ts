import {
  TICK_PART_ORDER,
  tickParts,
  type LiveMessage,
  type LiveMessages,
  type LiveTickParts,
  type ServerToClientEvents,
} from '@bravo/shared';
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

/** Collects every payload of one message, whether sent alone or as part of a tick. */
export function record<E extends LiveMessage>(socket: LiveClient, event: E): LiveMessages[E][] {
  const seen: LiveMessages[E][] = [];
  if (isTickPart(event)) {
    socket.on('live.tick', (tick) => {
      for (const [name, payload] of tickParts(tick)) {
        if (name === event) {
          seen.push(payload as LiveMessages[E]);
        }
      }
    });
  } else {
    socket.on(
      event as keyof ServerToClientEvents,
      ((payload: LiveMessages[E]) => seen.push(payload)) as never,
    );
  }
  return seen;
}

const TICK_PARTS = new Set<string>(TICK_PART_ORDER);
const isTickPart = (event: LiveMessage): event is keyof LiveTickParts => TICK_PARTS.has(event);

/** Every message a socket receives, by event name (a tick counts once). */
export function countMessages(socket: LiveClient): Map<string, number> {
  const counts = new Map<string, number>();
  socket.onAny((name: string) => counts.set(name, (counts.get(name) ?? 0) + 1));
  return counts;
}
