import type { Server } from 'socket.io';

type SessionAdapter = Server['sockets']['adapter'];

/**
 * socket.io restores a dropped socket (its rooms, its `data`, and the packets it
 * missed, which it writes to the wire at once) before any middleware runs, from
 * the private id the client sends. So the credential is re-checked here, inside
 * the adapter's restoreSession: a revoked one gets nothing back and its handshake
 * goes through authentication like a new connection. Works for the in-memory and
 * the Redis streams adapter alike.
 */
export function gateRecovery(
  adapter: SessionAdapter,
  stillValid: (data: unknown) => Promise<boolean>,
): void {
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    if (!session || !(await stillValid(session.data))) {
      // socket.io treats a failed restore as "no session": the socket starts fresh.
      throw new Error('connection not recovered: its credential is no longer valid');
    }
    // The check took a database round trip, and packets sent meanwhile reach neither this
    // not-yet-connected socket nor `session`: store it again and read it with them.
    const { sid, rooms, data } = session;
    adapter.persistSession({ sid, pid, rooms, data });
    return restore(pid, offset);
  };
}
