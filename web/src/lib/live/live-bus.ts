import {
  LIVE_EVENTS,
  tickParts,
  type LiveMessage,
  type LiveMessages,
  type LiveTickPayload,
} from '@bravo/shared';

type Listener = (payload: unknown) => void;

/**
 * Typed listeners that outlive any one socket: pages subscribe to messages here,
 * and the one unpacker of ticks hands each part of a tick to its own listeners.
 */
export class LiveBus {
  private readonly listeners = new Map<string, Set<Listener>>();

  on<M extends LiveMessage>(message: M, listener: (payload: LiveMessages[M]) => void): () => void {
    let set = this.listeners.get(message);
    if (!set) {
      set = new Set();
      this.listeners.set(message, set);
    }
    const entry = listener as Listener;
    set.add(entry);
    return () => set.delete(entry);
  }

  /** Hands one incoming socket event to the listeners: a tick as its parts, in order. */
  receive(event: string, payload: unknown): void {
    if (event !== LIVE_EVENTS.tick) {
      this.dispatch(event, payload);
      return;
    }
    for (const [part, partPayload] of tickParts(payload as LiveTickPayload)) {
      this.dispatch(part, partPayload);
    }
  }

  private dispatch(message: string, payload: unknown): void {
    for (const listener of [...(this.listeners.get(message) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One page's bug must not silence the others.
        console.error(`live listener for ${message} failed`, error);
      }
    }
  }
}
