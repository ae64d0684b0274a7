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
import { DisplaysService } from '../displays/displays.service';
import { rooms } from './rooms';

/** Exactly one of the two: a logged-in member, or a TV screen. */
export interface SocketData {
  member?: AuthMember;
  display?: { id: string; organizationId: string; teamId: string | null };
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

  /** What this instance has pushed: sockets reached and the CPU the fan-out took (µs). */
  readonly sent = { messages: 0, cpuMicros: 0 };

  constructor(
    private readonly sessions: SessionsService,
    private readonly displays: DisplaysService,
  ) {}

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; displayToken?: unknown };
      if (typeof auth.displayToken === 'string') {
        this.displays.authenticate(auth.displayToken).then(
          (display) => {
            if (!display) {
              return next(new Error(LIVE_REFUSALS.badDisplay));
            }
            socket.data.display = {
              id: display.id,
              organizationId: display.organizationId,
              teamId: display.teamId,
            };
            next();
          },
          (error: unknown) => {
            this.logger.error(`display auth failed: ${String(error)}`);
            next(new Error('unavailable'));
          },
        );
        return;
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
    const { member, display } = socket.data;
    if (member) {
      void socket.join([rooms.org(member.organizationId), rooms.member(member.id)]);
    } else if (display) {
      // Team screens get their team's boards and kudos; organisation screens get everything.
      const scope = display.teamId ? rooms.team(display.teamId) : rooms.org(display.organizationId);
      void socket.join([rooms.display(display.id), scope]);
    }
  }

  /** Sends one event to a room, counting its local recipients and this process's CPU for it. */
  broadcast<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    if (!this.server) {
      return;
    }
    const recipients = this.server.sockets.adapter.rooms.get(room)?.size ?? 0;
    const before = process.cpuUsage();
    this.server.to(room).emit(event, ...payload);
    const used = process.cpuUsage(before);
    this.sent.messages += recipients;
    this.sent.cpuMicros += used.user + used.system;
  }

  /** Sockets connected to this instance. */
  get connected(): number {
    return this.server?.engine?.clientsCount ?? 0;
  }

  onModuleDestroy(): void {
    this.server?.disconnectSockets(true);
  }
}
