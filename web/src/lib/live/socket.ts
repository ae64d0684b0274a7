import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import {
  LIVE_EVENTS,
  LIVE_REFUSALS,
  tickParts,
  type ClientToServerEvents,
  type LiveTickPayload,
  type ServerToClientEvents,
} from '@bravo/shared';

/** Announced in LIVE_EVENTS but not typed in @bravo/shared yet: their payloads are read defensively. */
export interface UpcomingEvents {
  'badge.awarded': (payload: unknown) => void;
}

export type LiveEvents = ServerToClientEvents & UpcomingEvents;
export type LiveEvent = keyof LiveEvents;
export type LiveSocket = Socket<LiveEvents, ClientToServerEvents>;

/** Why the server refused the handshake, from the `connect_error` message (`<reason>: …`). */
export type Refusal = 'unauthenticated' | 'display_not_connected' | 'cross_site_request';

const REFUSALS = new Set(Object.values(LIVE_REFUSALS).map((message) => message.split(':')[0]));

export function refusalOf(error: Error): Refusal | null {
  const reason = error.message.split(':')[0];
  return REFUSALS.has(reason) ? (reason as Refusal) : null;
}

/**
 * A socket.io connection to this origin. The client library is loaded on first
 * use, so pages pay for it only once a live feature starts in the browser.
 * WebSocket first; long-polling only where a proxy blocks WebSockets.
 */
export async function openSocket(
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<LiveSocket> {
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

type Listener = (payload: unknown) => void;

/** Typed listeners that outlive any one socket: pages subscribe here, sockets dispatch here. */
export class LiveBus {
  private readonly listeners = new Map<string, Set<Listener>>();

  on<E extends LiveEvent>(event: E, listener: LiveEvents[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as unknown as Listener;
    set.add(entry);
    return () => set.delete(entry);
  }

  /** Wires every incoming event of `socket` to the listeners. */
  attach(socket: LiveSocket): void {
    socket.onAny((event: string, payload: unknown) => {
      if (event === LIVE_EVENTS.tick) {
        // One message per tick carries several events: hand each to its listeners.
        for (const [part, partPayload] of tickParts(payload as LiveTickPayload)) {
          this.dispatch(part, partPayload);
        }
        return;
      }
      this.dispatch(event, payload);
    });
  }

  dispatch(event: string, payload: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One page's bug must not silence the others.
        console.error(`live listener for ${event} failed`, error);
      }
    }
  }
}

/** Exponential backoff with jitter for retries socket.io does not make itself. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs = 1000,
    private readonly maxMs = 10_000,
  ) {}

  next(): number {
    const base = Math.min(this.maxMs, this.minMs * 2 ** this.attempt++);
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}
