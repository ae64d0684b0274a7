import { invalidate, invalidateAll } from '$app/navigation';
import { LIVE_DEPENDENCY } from './dependency';
import {
  Backoff,
  LiveBus,
  openSocket,
  refusalOf,
  type LiveEvent,
  type LiveEvents,
  type LiveSocket,
} from './socket';

export type LiveStatus = 'idle' | 'connecting' | 'online' | 'offline';

/**
 * The signed-in member's one socket.io connection per tab. It opens with the
 * first subscriber (only in the browser; the session cookie authenticates it)
 * and closes with the last one, which is the app shell's, i.e. at logout.
 */
class MemberLive {
  status = $state<LiveStatus>('idle');

  private readonly bus = new LiveBus();
  private readonly backoff = new Backoff(2000, 60_000);
  private socket: LiveSocket | null = null;
  private subscribers = 0;
  /** Bumped by every start and stop: a socket opened for an older start is dropped. */
  private generation = 0;
  private connectedBefore = false;
  private askedForLogin = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Listens to one server event; the returned function unsubscribes (return it from `$effect`). */
  on<E extends LiveEvent>(event: E, listener: LiveEvents[E]): () => void {
    const off = this.bus.on(event, listener);
    if (this.subscribers++ === 0) {
      this.start();
    }
    return () => {
      off();
      if (--this.subscribers === 0) {
        this.stop();
      }
    };
  }

  private start(): void {
    if (typeof window === 'undefined') {
      return;
    }
    const generation = ++this.generation;
    this.status = 'connecting';
    openSocket().then(
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
          this.retryTimer = setTimeout(() => {
            if (generation === this.generation) {
              this.start();
            }
          }, this.backoff.next());
        }
      },
    );
  }

  private stop(): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = null;
    this.connectedBefore = false;
    this.askedForLogin = false;
    this.backoff.reset();
    this.status = 'idle';
  }

  private wire(socket: LiveSocket): void {
    this.bus.attach(socket);
    socket.on('connect', () => {
      this.status = 'online';
      this.backoff.reset();
      // Missed pushes were not replayed: the pages read a fresh snapshot over HTTP.
      if (this.connectedBefore && !socket.recovered) {
        void invalidate(LIVE_DEPENDENCY);
      }
      this.connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      this.status = 'offline';
      // socket.io reconnects by itself, except when the server closed the connection.
      if (reason === 'io server disconnect') {
        this.retryLater(socket);
      }
    });
    socket.on('connect_error', (error) => {
      this.status = 'offline';
      if (socket.active) {
        return; // a network failure: socket.io retries with its own backoff
      }
      if (refusalOf(error) === 'unauthenticated' && !this.askedForLogin) {
        // The session ended: reloading the page's data sends the guards to the login page.
        this.askedForLogin = true;
        void invalidateAll();
      }
      this.retryLater(socket);
    });
  }

  /** Reconnects after a refusal, which socket.io leaves to the application. */
  private retryLater(socket: LiveSocket): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (socket === this.socket && !socket.connected && !socket.active) {
        socket.connect();
      }
    }, this.backoff.next());
  }
}

export const memberLive = new MemberLive();
