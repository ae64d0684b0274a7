import type { Socket } from 'socket.io';
import { LiveGateway } from '../../api/src/live/live.gateway';
import type { LiveClient } from './live-client';
import type { TestApp } from './test-app';

/** Listeners socket.io and Nest put on every server socket for its own lifecycle. */
const LIFECYCLE = new Set(['error', 'disconnect', 'disconnecting']);

/** The server's end of a connected client (socket.io gives both ends one id). */
function serverEnd(t: TestApp, client: LiveClient): Socket {
  const socket = client.id && t.app.get(LiveGateway).server.sockets.sockets.get(client.id);
  if (!socket) {
    throw new Error('the client has no socket on this instance');
  }
  return socket;
}

/**
 * The client events the server listens for on a client's socket. A handler of any
 * kind (Nest's @SubscribeMessage included) is a listener on the server socket, so a
 * gateway that handles some client event shows it here.
 */
export function handledClientEvents(t: TestApp, client: LiveClient): (string | symbol)[] {
  return serverEnd(t, client)
    .eventNames()
    .filter((name) => typeof name !== 'string' || !LIFECYCLE.has(name));
}

/** Resolves when the server has received a client event named `event` on the client's socket. */
export function arrivedAtServer(t: TestApp, client: LiveClient, event: string): Promise<void> {
  const socket = serverEnd(t, client);
  return new Promise((resolve) => {
    const seen = (name: string) => {
      if (name === event) {
        socket.offAny(seen);
        resolve();
      }
    };
    socket.onAny(seen);
  });
}
