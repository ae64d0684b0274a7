import type { LiveMessage, LiveMessages } from '@bravo/shared';
import { Backoff } from './backoff';
import { LiveBus } from './live-bus';
import { openSocket, refusalOf, type LiveSocket, type LiveSocketOptions } from './socket';

export type LiveStatus = 'idle' | 'connecting' | 'online' | 'offline';

/** What to do after the server refused the credential. */
export type RefusalAnswer =
  /** Try the same socket again later (with backoff). */
  | 'retry'
  /** Throw the socket away and open a fresh one now. */
  | 'reopen'
  /** Give up until the next `start()`. */
  | 'stop';

export interface LiveConnectionOptions {
  /** Handshake credentials; a member's session cookie goes by itself. */
  auth?: Record<string, string>;
  /** Waits between the retries socket.io leaves to the application. */
  backoff?: { minMs: number; maxMs: number };
  /** After this many failed attempts in a row the socket is thrown away and made anew. */
  renewAfterFailures?: number;
  /** Connected. `recovered`: socket.io replayed what was missed; `again`: not the first connect since `start()`. */
  onConnect?: (connect: { recovered: boolean; again: boolean }) => void;
  /** The connection was lost or could not be made. */
  onOffline?: () => void;
  /** The server closed the connection (rights changed, revoked, shutting down); it is retried after. */
  onServerClose?: () => void;
  /** The server refused the credential; `inARow` counts refusals since the last connect. Default: retry. */
  onRefused?: (inARow: number) => RefusalAnswer | Promise<RefusalAnswer>;
  /** Opens the socket.io connection (tests pass a fake). */
  open?: (options: LiveSocketOptions) => Promise<LiveSocket>;
}

/**
 * One socket.io connection that heals itself: socket.io's own reconnection for
 * network failures, and a backoff retry for what it leaves to the application
 * (a server-side close, a failed check, a client library that did not load).
 * Listeners subscribe on the connection and outlive any one socket. Every
 * `start()`/`stop()` bumps a generation, so a socket opened for an older start
 * is dropped when it arrives.
 */
export class LiveConnection {
  status = $state<LiveStatus>('idle');

  private readonly bus = new LiveBus();
  private readonly backoff: Backoff;
  private socket: LiveSocket | null = null;
  private generation = 0;
  private connectedBefore = false;
  private failures = 0;
  private refusals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveConnectionOptions = {}) {
    this.backoff = new Backoff(options.backoff?.minMs, options.backoff?.maxMs);
  }

  /** Listens to one message (a tick's part or an event); returns the function that stops listening. */
  on<M extends LiveMessage>(message: M, listener: (payload: LiveMessages[M]) => void): () => void {
    return this.bus.on(message, listener);
  }

  get connected(): boolean {
    return this.status === 'online';
  }

  start(): void {
    this.connectedBefore = false;
    this.refusals = 0;
    this.status = 'connecting';
    this.open();
  }

  stop(): void {
    this.generation++;
    this.dropSocket();
    this.connectedBefore = false;
    this.refusals = 0;
    this.failures = 0;
    this.backoff.reset();
    this.status = 'idle';
  }

  /** The server is known to be back: connect now instead of waiting out the backoff. */
  reconnectNow(): void {
    const socket = this.socket;
    if (!socket) {
      this.open();
    } else if (!socket.connected) {
      this.backoff.reset();
      socket.disconnect();
      socket.connect();
    }
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const generation = ++this.generation;
    const open = this.options.open ?? openSocket;
    open(this.options.auth ? { auth: this.options.auth } : {}).then(
      (socket) => {
        if (generation !== this.generation) {
          socket.disconnect();
          return;
        }
        this.socket = socket;
        this.wire(socket);
      },
      () => {
        // The client library could not load (offline at first use): try again later.
        if (generation === this.generation) {
          this.status = 'offline';
          this.options.onOffline?.();
          this.retryTimer = setTimeout(() => {
            if (generation === this.generation) {
              this.open();
            }
          }, this.backoff.next());
        }
      },
    );
  }

  private wire(socket: LiveSocket): void {
    socket.onAny((event: string, payload: unknown) => this.bus.receive(event, payload));
    socket.on('connect', () => {
      this.status = 'online';
      this.failures = 0;
      this.refusals = 0;
      this.backoff.reset();
      const again = this.connectedBefore;
      this.connectedBefore = true;
      this.options.onConnect?.({ recovered: socket.recovered, again });
    });
    socket.on('disconnect', (reason) => {
      this.offline();
      // socket.io reconnects by itself, except when the server closed the connection.
      if (reason === 'io server disconnect') {
        this.options.onServerClose?.();
        this.retryLater(socket);
      }
    });
    socket.on('connect_error', (error) => {
      this.offline();
      if (refusalOf(error)) {
        void this.refused(socket);
        return;
      }
      const renewAfter = this.options.renewAfterFailures;
      if (renewAfter !== undefined && ++this.failures >= renewAfter) {
        this.failures = 0;
        this.dropSocket();
        this.open();
      } else if (!socket.active) {
        this.retryLater(socket); // the server could not check the credential just now
      }
    });
  }

  private offline(): void {
    this.status = 'offline';
    this.options.onOffline?.();
  }

  private async refused(socket: LiveSocket): Promise<void> {
    const generation = this.generation;
    const answer = (await this.options.onRefused?.(++this.refusals)) ?? 'retry';
    if (generation !== this.generation || socket !== this.socket) {
      return; // stopped or replaced meanwhile
    }
    if (answer === 'retry') {
      this.retryLater(socket);
      return;
    }
    this.dropSocket();
    if (answer === 'reopen') {
      this.open();
    }
  }

  /** A reconnect socket.io leaves to the application. */
  private retryLater(socket: LiveSocket): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (socket === this.socket && !socket.connected && !socket.active) {
        socket.connect();
      }
    }, this.backoff.next());
  }

  private dropSocket(): void {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    }
  }
}
