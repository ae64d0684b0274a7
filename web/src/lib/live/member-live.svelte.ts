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
  /** The last connection was refused: another refusal in a row ends the retries. */
  private refusedBefore = false;
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
    this.refusedBefore = false;
    this.backoff.reset();
    this.status = 'idle';
  }

  private wire(socket: LiveSocket): void {
    this.bus.attach(socket);
    socket.on('connect', () => {
      this.status = 'online';
      this.backoff.reset();
      this.refusedBefore = false;
      // Missed pushes were not replayed: the pages read a fresh snapshot over HTTP.
      if (this.connectedBefore && !socket.recovered) {
        void invalidate(LIVE_DEPENDENCY);
      }
      this.connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      this.status = 'offline';
      // socket.io reconnects by itself, except when the server closed the connection: it does
      // that when the session's rights changed (come back with the new ones) or it ended (refused then).
      if (reason === 'io server disconnect') {
        this.retryLater(socket);
      }
    });
    socket.on('connect_error', (error) => {
      this.status = 'offline';
      if (socket.active) {
        return; // a network failure: socket.io retries with its own backoff
      }
      if (refusalOf(error)) {
        this.refused(socket);
      } else {
        this.retryLater(socket); // the server could not check the session just now
      }
    });
  }

  /**
   * The server refused this connection. The page's data is read again: if the session
   * ended, the guards send the member to the login page (and the shell stops this). If
   * they are still signed in, one fresh connection is tried (not a recovery of this
   * one); refused again, it stops quietly.
   */
  private refused(socket: LiveSocket): void {
    if (socket !== this.socket) {
      return;
    }
    this.socket = null;
    socket.disconnect();
    if (this.refusedBefore) {
      return;
    }
    this.refusedBefore = true;
    const generation = this.generation;
    void invalidateAll().then(() => {
      if (generation === this.generation && this.subscribers > 0) {
        this.start();
      }
    });
  }

  /** Reconnects after a server-side close or a failed check, which socket.io leaves to the application. */
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
