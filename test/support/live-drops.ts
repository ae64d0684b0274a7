import type { SocketData } from '../../api/src/live/live.gateway';
import { LiveGateway } from '../../api/src/live/live.gateway';
import type { LiveClient } from './live-client';
import type { TestApp } from './test-app';

/**
 * The network drops under a socket: the server loses its transport (a recoverable
 * disconnection, as in live-recovery.int-spec.ts) and the client sees it go.
 */
export async function dropTransport(
  t: TestApp,
  client: LiveClient,
  match: (data: SocketData) => boolean,
): Promise<void> {
  const gone = nextDisconnect(client);
  const sockets = [...t.app.get(LiveGateway).server.sockets.sockets.values()];
  const mine = sockets.filter((s) => match(s.data));
  if (mine.length === 0) {
    throw new Error('no server socket matches');
  }
  mine.forEach((s) => s.conn.close());
  await gone;
}

/** The server-side sockets of one member on an instance (their rights as the server holds them). */
export function serverSocketsOf(t: TestApp, memberId: string): SocketData[] {
  return [...t.app.get(LiveGateway).server.sockets.sockets.values()]
    .map((s) => s.data)
    .filter((data) => data.member?.id === memberId);
}

/** Resolves at the next disconnection with when it happened and why. */
export function nextDisconnect(client: LiveClient): Promise<{ at: number; reason: string }> {
  return new Promise((resolve) =>
    client.once('disconnect', (reason) => resolve({ at: Date.now(), reason })),
  );
}

/** Reconnects a client made without automatic reconnection (it keeps its recovery id). */
export function reconnect(client: LiveClient): Promise<{ recovered: boolean }> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      client.off('connect', onConnect);
      reject(error);
    };
    const onConnect = () => {
      client.off('connect_error', onError);
      resolve({ recovered: client.recovered });
    };
    client.once('connect', onConnect);
    client.once('connect_error', onError);
    client.connect();
  });
}

/**
 * Every socket.io packet that reaches the client, decoded, whether or not the
 * socket passes it on: packets written before a refused handshake's answer sit
 * in socket.io-client's buffer and would never show as events.
 */
export function wirePackets(client: LiveClient): { type: number; data?: unknown }[] {
  const seen: { type: number; data?: unknown }[] = [];
  client.io.on('packet', (packet) => seen.push({ type: packet.type, data: packet.data }));
  return seen;
}
