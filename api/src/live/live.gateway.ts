import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { LIVE_REFUSALS, type ClientToServerEvents, type ServerToClientEvents } from '@bravo/shared';
import type { Server, Socket } from 'socket.io';
import { sameAccess, type AuthMember } from '../auth/auth-member';
import { SessionsService } from '../auth/sessions.service';
import { isOwnOrigin } from '../common/same-origin';
import { hashToken } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DisplaysService, screenRoomOf } from '../displays/displays.service';
import proxyAddr from '@fastify/proxy-addr';
import { trustFunction } from '../config/trust-proxy';
import { DisplayPresence } from './display-presence';
import { handshakeCredential, type HandshakeCredential } from './handshake-credential';
import { gateRecovery } from './recovery-gate';
import { rooms } from './rooms';

/** Exactly one of the two: a logged-in member, or a TV screen. */
export interface SocketData {
  member?: AuthMember;
  /** `room`: its audience's (`rooms.screens`), which decides what it may receive. */
  display?: { id: string; organizationId: string; teamId: string | null; room: string };
  /** SHA-256 of the token that opened the connection: recovering it takes the same one. */
  credential?: string;
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
 * clients only listen. Broadcasting lives in LiveNotifier, closing the sockets
 * of a revoked credential in LiveRevocations.
 */
@WebSocketGateway({
  path: '/socket.io',
  serveClient: false,
  // Compression cost 3× CPU and seconds of latency in a measurement here.
  perMessageDeflate: false,
  cors: { origin: false },
  // Middlewares run on recovery too: a recovered socket must present the credential that opened it.
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
})
export class LiveGateway
  implements
    OnGatewayInit<LiveServer>,
    OnGatewayConnection<LiveSocket>,
    OnGatewayDisconnect<LiveSocket>,
    OnModuleDestroy
{
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  server: LiveServer;

  /** What this instance has pushed: sockets reached and the CPU the fan-out took (µs). */
  readonly sent = { messages: 0, cpuMicros: 0 };

  constructor(
    private readonly sessions: SessionsService,
    private readonly displays: DisplaysService,
    private readonly presence: DisplayPresence,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.trust = trustFunction(config.TRUST_PROXY);
  }

  private readonly trust: ReturnType<typeof trustFunction>;

  afterInit(server: LiveServer): void {
    gateRecovery(server.sockets.adapter, (data) => this.stillValid(data as SocketData));
    server.use((socket, next) => this.admit(socket, next));
  }

  private admit(socket: LiveSocket, next: (error?: Error) => void): void {
    const credential = handshakeCredential(socket.handshake);
    if (!credential) {
      return next(new Error(LIVE_REFUSALS.noCredentials));
    }
    // A browser sends the cookie whichever page opens the socket: only Bravo's own may use it.
    if (
      credential.kind === 'cookie' &&
      !isOwnOrigin(socket.handshake.headers, this.config.PUBLIC_URL)
    ) {
      return next(new Error(LIVE_REFUSALS.crossSite));
    }
    if (socket.recovered) {
      // gateRecovery has just re-checked the credential behind socket.data. Answering without
      // another query keeps this moment's packets: a socket not yet connected misses broadcasts.
      return socket.data.credential === hashToken(credential.token)
        ? next()
        : next(new Error(LIVE_REFUSALS.otherCredential));
    }
    this.authenticate(credential).then(
      (data) => {
        if (!data) {
          return next(
            new Error(
              credential.kind === 'display' ? LIVE_REFUSALS.badDisplay : LIVE_REFUSALS.badToken,
            ),
          );
        }
        socket.data = data;
        next();
      },
      (error: unknown) => {
        this.logger.error(`socket auth failed: ${String(error)}`);
        next(new Error('unavailable'));
      },
    );
  }

  private async authenticate(credential: HandshakeCredential): Promise<SocketData | null> {
    const hash = hashToken(credential.token);
    if (credential.kind === 'display') {
      const display = await this.displays.authenticate(credential.token);
      return display
        ? {
            display: {
              id: display.id,
              organizationId: display.organizationId,
              teamId: display.teamId,
              room: screenRoomOf(display),
            },
            credential: hash,
          }
        : null;
    }
    const member = await this.sessions.authenticate(credential.token);
    return member ? { member, credential: hash } : null;
  }

  /** Whether what opened a dropped connection still grants what it had. */
  private async stillValid(data: SocketData): Promise<boolean> {
    if (data.display) {
      // A screen made public-safe since must not get its old room's pushes back.
      return (await this.displays.roomOf(data.display.id)) === data.display.room;
    }
    if (!data.member) {
      return false;
    }
    const now = await this.sessions.stillOpen(data.member.sessionId);
    return now !== null && sameAccess(now, data.member);
  }

  handleConnection(socket: LiveSocket): void {
    if (socket.data.display) {
      this.presence.connected(
        socket.data.display.id,
        this.clientAddress(socket),
        socket.handshake.headers['user-agent'] ?? '',
      );
    }
    if (socket.recovered) {
      return; // rooms and missed packets were restored
    }
    const { member, display } = socket.data;
    if (member) {
      void socket.join([
        rooms.org(member.organizationId),
        rooms.member(member.id),
        rooms.session(member.sessionId),
      ]);
    } else if (display) {
      // Team screens get their team's boards and kudos, organisation screens everything, cut
      // for what the screen may show (ScreenView).
      void socket.join([rooms.display(display.id), display.room]);
    }
  }

  handleDisconnect(socket: LiveSocket): void {
    if (socket.data.display) {
      this.presence.disconnected(socket.data.display.id);
    }
  }

  /** The screen's address as HTTP sees it: behind trusted proxies, the client they name. */
  private clientAddress(socket: LiveSocket): string {
    const { headers, address } = socket.handshake;
    return proxyAddr({ headers, socket: { remoteAddress: address } } as never, this.trust);
  }

  /** Closes every socket in a room, on every instance (through the adapter). */
  disconnectRoom(room: string): void {
    this.server?.in(room).disconnectSockets(true);
  }

  /** Whether the socket server is up (before it is, there is nobody to push to). */
  get listening(): boolean {
    return this.server !== undefined;
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
