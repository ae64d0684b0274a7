import type { LiveMessage, LiveMessages } from '@bravo/shared';
import { invalidate, invalidateAll } from '$app/navigation';
import { LIVE_DEPENDENCY } from './dependency';
import { LiveConnection } from './live-connection.svelte';

/**
 * The signed-in member's one socket.io connection per tab. It opens with the
 * first subscriber (only in the browser; the session cookie authenticates it)
 * and closes with the last one, which is the app shell's, i.e. at logout.
 */
class MemberLive {
  private readonly connection = new LiveConnection({
    backoff: { minMs: 2000, maxMs: 60_000 },
    onConnect: ({ recovered, again }) => {
      // Missed pushes were not replayed: the pages read a fresh snapshot over HTTP.
      if (again && !recovered) {
        void invalidate(LIVE_DEPENDENCY);
      }
    },
    // The page's data is read again: if the session ended, the guards send the member to the
    // login page (and the shell stops this). If they are still signed in, one fresh connection
    // is tried (not a recovery of this one); refused again, it stops quietly.
    onRefused: async (inARow) => {
      if (inARow > 1) {
        return 'stop';
      }
      await invalidateAll();
      return 'reopen';
    },
  });
  private subscribers = 0;

  get status() {
    return this.connection.status;
  }

  /** Listens to one server message; the returned function unsubscribes (return it from `$effect`). */
  on<M extends LiveMessage>(message: M, listener: (payload: LiveMessages[M]) => void): () => void {
    const off = this.connection.on(message, listener);
    if (this.subscribers++ === 0 && typeof window !== 'undefined') {
      this.connection.start();
    }
    return () => {
      off();
      if (--this.subscribers === 0) {
        this.connection.stop();
      }
    };
  }
}

export const memberLive = new MemberLive();
