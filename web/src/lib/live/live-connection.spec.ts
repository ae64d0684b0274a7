import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVE_REFUSALS } from '@bravo/shared';
import { FakeSocket } from './fake-socket';
import { LiveConnection, type LiveConnectionOptions } from './live-connection.svelte';
import type { LiveSocket } from './socket';

/** A connection whose sockets the spec controls: `opened` lists every socket it asked for. */
function setup(options: LiveConnectionOptions = {}) {
  const opened: FakeSocket[] = [];
  const pending: { resolve: (s: LiveSocket) => void; reject: (e: Error) => void }[] = [];
  let manual = false;
  const open = vi.fn(
    () =>
      new Promise<LiveSocket>((resolve, reject) => {
        if (manual) {
          pending.push({ resolve, reject });
          return;
        }
        const socket = new FakeSocket();
        opened.push(socket);
        resolve(socket.asSocket());
      }),
  );
  const connection = new LiveConnection({
    backoff: { minMs: 1000, maxMs: 8000 },
    ...options,
    open,
  });
  return {
    connection,
    opened,
    open,
    pending,
    /** From now on the spec settles each open itself. */
    holdOpens: () => (manual = true),
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('LiveConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // No jitter: each wait is exactly its backoff step (1 s, 2 s, 4 s, …).
    vi.spyOn(Math, 'random').mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('goes online on connect and tells a first connect from a reconnect', async () => {
    const onConnect = vi.fn();
    const { connection, opened } = setup({ onConnect });
    connection.start();
    expect(connection.status).toBe('connecting');
    await settle();

    opened[0].serverConnects();
    expect(connection.status).toBe('online');
    opened[0].serverFails('xhr poll error', true);
    expect(connection.status).toBe('offline');
    opened[0].serverConnects(true);

    expect(onConnect.mock.calls).toEqual([
      [{ recovered: false, again: false }],
      [{ recovered: true, again: true }],
    ]);
  });

  it('passes the credentials to the handshake', async () => {
    const { connection, open } = setup({ auth: { displayToken: 'tv-1' } });
    connection.start();
    await settle();
    expect(open).toHaveBeenCalledWith({ auth: { displayToken: 'tv-1' } });
  });

  it('delivers the parts of a tick to listeners that outlive the socket', async () => {
    const { connection, opened } = setup({ renewAfterFailures: 1 });
    const ids: string[][] = [];
    connection.on('kudos.removed', ({ ids: removed }) => ids.push(removed));
    connection.start();
    await settle();
    opened[0].serverSends('live.tick', { 'kudos.removed': { ids: ['a'] } });
    opened[0].serverFails('websocket error', true); // renews the socket
    await settle();
    opened[1].serverSends('live.tick', { 'kudos.removed': { ids: ['b'] } });

    expect(ids).toEqual([['a'], ['b']]);
    expect(opened[0].listening).toBe(false);
  });

  it('drops a socket that arrives after a stop (an older generation)', async () => {
    const { connection, pending, holdOpens } = setup();
    holdOpens();
    connection.start();
    connection.stop();
    const late = new FakeSocket();
    pending[0].resolve(late.asSocket());
    await settle();

    expect(late.disconnectCalls).toBe(1);
    expect(late.listening).toBe(false);
    expect(connection.status).toBe('idle');
  });

  it('keeps only the newest of two starts', async () => {
    const { connection, pending, holdOpens } = setup();
    holdOpens();
    connection.start();
    connection.stop();
    connection.start();
    const [older, newer] = [new FakeSocket(), new FakeSocket()];
    pending[1].resolve(newer.asSocket());
    pending[0].resolve(older.asSocket());
    await settle();

    expect(older.disconnectCalls).toBe(1);
    expect(newer.listening).toBe(true);
  });

  it('reconnects after a server-side close, with a growing backoff', async () => {
    const onServerClose = vi.fn();
    const { connection, opened } = setup({ onServerClose });
    connection.start();
    await settle();
    const socket = opened[0];
    socket.serverConnects();

    socket.serverCloses();
    expect(onServerClose).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(socket.connectCalls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(1);

    // Still not back: the next wait is twice as long.
    socket.serverCloses();
    await vi.advanceTimersByTimeAsync(1999);
    expect(socket.connectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(2);
  });

  it('leaves network failures to socket.io while it is retrying', async () => {
    const { connection, opened } = setup();
    connection.start();
    await settle();
    opened[0].serverFails('xhr poll error', true);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(opened[0].connectCalls).toBe(0);
    expect(opened).toHaveLength(1);
  });

  it('retries a failed check socket.io gave up on', async () => {
    const { connection, opened } = setup();
    connection.start();
    await settle();
    opened[0].serverFails('server error', false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(opened[0].connectCalls).toBe(1);
  });

  it('makes a new socket after enough failures in a row', async () => {
    const { connection, opened } = setup({ renewAfterFailures: 3 });
    connection.start();
    await settle();
    opened[0].serverFails('websocket error', true);
    opened[0].serverFails('websocket error', true);
    await settle();
    expect(opened).toHaveLength(1);
    opened[0].serverFails('websocket error', true);
    await settle();

    expect(opened).toHaveLength(2);
    expect(opened[0].disconnectCalls).toBe(1);
  });

  it('asks what to do on a refusal and counts refusals in a row', async () => {
    const answers = ['reopen', 'retry', 'stop'] as const;
    const onRefused = vi.fn((inARow: number) => answers[inARow - 1]);
    const { connection, opened } = setup({ onRefused });
    connection.start();
    await settle();

    opened[0].serverFails(LIVE_REFUSALS.badToken, false);
    await settle();
    expect(opened).toHaveLength(2); // reopened at once

    opened[1].serverFails(LIVE_REFUSALS.badToken, false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(opened[1].connectCalls).toBe(1); // the same socket, after the backoff

    opened[1].serverFails(LIVE_REFUSALS.badToken, false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(opened).toHaveLength(2); // stopped: no socket, no retry
    expect(opened[1].disconnectCalls).toBe(1);
    expect(onRefused.mock.calls).toEqual([[1], [2], [3]]);
  });

  it('counts refusals afresh after a connect', async () => {
    const onRefused = vi.fn(() => 'retry' as const);
    const { connection, opened } = setup({ onRefused });
    connection.start();
    await settle();
    opened[0].serverFails(LIVE_REFUSALS.badToken, false);
    await settle();
    opened[0].serverConnects();
    opened[0].serverFails(LIVE_REFUSALS.badToken, false);
    await settle();

    expect(onRefused.mock.calls).toEqual([[1], [1]]);
  });

  it('does nothing with a refusal answered after a stop', async () => {
    let answer: (value: 'reopen') => void = () => undefined;
    const onRefused = () => new Promise<'reopen'>((resolve) => (answer = resolve));
    const { connection, opened } = setup({ onRefused });
    connection.start();
    await settle();
    opened[0].serverFails(LIVE_REFUSALS.badToken, false);
    connection.stop();
    answer('reopen');
    await settle();

    expect(opened).toHaveLength(1);
    expect(connection.status).toBe('idle');
  });

  it('tries again later when the client library did not load', async () => {
    const { connection, pending, holdOpens, open } = setup();
    holdOpens();
    connection.start();
    pending[0].reject(new Error('offline'));
    await settle();
    expect(connection.status).toBe('offline');

    await vi.advanceTimersByTimeAsync(1000);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('cancels a pending retry on stop', async () => {
    const { connection, opened } = setup();
    connection.start();
    await settle();
    opened[0].serverCloses();
    connection.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(opened[0].connectCalls).toBe(0);
  });

  it('reconnects at once when told the server is back', async () => {
    const { connection, opened } = setup();
    connection.start();
    await settle();
    opened[0].serverFails('xhr poll error', true);
    connection.reconnectNow();

    expect(opened[0].disconnectCalls).toBe(1);
    expect(opened[0].connectCalls).toBe(1);
  });
});
