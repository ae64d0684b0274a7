import type { LiveSocket } from './socket';

type Handler = (...args: unknown[]) => void;

/**
 * A stand-in for a socket.io client socket in unit specs: the spec plays the
 * server (`serverConnects`, `serverSends`, …) and reads what the client did.
 */
export class FakeSocket {
  connected = false;
  /** socket.io's own reconnection is running (false after a refusal or a server-side close). */
  active = true;
  recovered = false;
  connectCalls = 0;
  disconnectCalls = 0;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly anyHandlers: Handler[] = [];

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  onAny(handler: Handler): this {
    this.anyHandlers.push(handler);
    return this;
  }

  offAny(): this {
    this.anyHandlers.length = 0;
    return this;
  }

  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }

  connect(): this {
    this.connectCalls++;
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.disconnectCalls++;
    this.connected = false;
    this.active = false;
    return this;
  }

  serverConnects(recovered = false): void {
    this.connected = true;
    this.recovered = recovered;
    this.fire('connect');
  }

  /** A failed handshake: a refusal (`active` false) or a network error socket.io retries itself. */
  serverFails(message: string, active: boolean): void {
    this.active = active;
    this.fire('connect_error', new Error(message));
  }

  serverCloses(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  serverSends(event: string, payload: unknown): void {
    this.anyHandlers.forEach((handler) => handler(event, payload));
  }

  get listening(): boolean {
    return this.handlers.size > 0 || this.anyHandlers.length > 0;
  }

  asSocket(): LiveSocket {
    return this as unknown as LiveSocket;
  }

  private fire(event: string, ...args: unknown[]): void {
    (this.handlers.get(event) ?? []).forEach((handler) => handler(...args));
  }
}
