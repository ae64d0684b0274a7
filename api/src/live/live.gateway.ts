import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  LIVE_REFUSALS,
  SESSION_COOKIE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@bravo/shared';
import type { Server, Socket } from 'socket.io';
import type { AuthMember } from '../auth/auth-member';
import { readCookie } from '../auth/session-token';
import { SessionsService } from '../auth/sessions.service';
import { rooms } from './rooms';

export interface SocketData {
  member: AuthMember;
}

export type LiveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * The socket.io endpoint. It authenticates at the handshake with the same
 * sessions as HTTP, puts each socket in its rooms, and accepts no messages:
 * clients only listen. Broadcasting lives in LiveNotifier.
 */
@WebSocketGateway({
  path: '/socket.io',
  serveClient: false,
  // Compression cost 3× CPU and seconds of latency in a measurement here.
  perMessageDeflate: false,
  cors: { origin: false },
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
})
export class LiveGateway
  implements OnGatewayInit<LiveServer>, OnGatewayConnection<LiveSocket>, OnModuleDestroy
{
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  server: LiveServer;

  constructor(private readonly sessions: SessionsService) {}

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; displayToken?: unknown };
      if (typeof auth.displayToken === 'string') {
        return next(new Error(LIVE_REFUSALS.badDisplay));
      }
      const token =
        typeof auth.token === 'string'
          ? auth.token
          : readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      if (!token) {
        return next(new Error(LIVE_REFUSALS.noCredentials));
      }
      this.sessions.authenticate(token).then(
        (member) => {
          if (!member) {
            return next(new Error(LIVE_REFUSALS.badToken));
          }
          socket.data.member = member;
          next();
        },
        (error: unknown) => {
          this.logger.error(`socket auth failed: ${String(error)}`);
          next(new Error('unavailable'));
        },
      );
    });
  }

  handleConnection(socket: LiveSocket): void {
    if (socket.recovered) {
      return; // rooms and missed packets were restored
    }
    const member = socket.data.member;
    void socket.join([
      rooms.org(member.organizationId),
      rooms.member(member.id),
      ...(member.teamId ? [rooms.team(member.teamId)] : []),
    ]);
  }

  onModuleDestroy(): void {
    this.server?.disconnectSockets(true);
  }
}
