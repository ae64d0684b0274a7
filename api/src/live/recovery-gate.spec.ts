import { Server } from 'socket.io';
import { gateRecovery } from './recovery-gate';

/** On socket.io's own in-memory session store (the one used without Redis; no server listens). */
describe('gateRecovery', () => {
  let io: Server;
  beforeEach(() => {
    io = new Server({ connectionStateRecovery: { maxDisconnectionDuration: 60_000 } });
    io.sockets.adapter.persistSession({ sid: 's1', pid: 'p1', rooms: ['org:1'], data: { n: 1 } });
  });

  /** The offset a client holds after receiving the latest broadcast. */
  const latestOffset = () =>
    (io.sockets.adapter as unknown as { packets: { id: string }[] }).packets.at(-1)?.id ?? '';
  const missed = (session: { missedPackets: unknown[][] }) =>
    session.missedPackets.map((p) => p[1]);

  it('restores a valid one with every packet it missed, those sent during the check included', async () => {
    io.to('org:1').emit('tick', 1);
    const offset = latestOffset();
    io.to('org:1').emit('tick', 2);
    gateRecovery(io.sockets.adapter, (data) => {
      io.to('org:1').emit('tick', 3); // a broadcast while the database answers
      return Promise.resolve((data as { n: number }).n === 1);
    });

    const session = await io.sockets.adapter.restoreSession('p1', offset);
    expect(session.rooms).toEqual(['org:1']);
    expect(session.data).toEqual({ n: 1 });
    expect(missed(session)).toEqual([2, 3]);
  });

  it('gives a credential no longer valid nothing back', async () => {
    io.to('org:1').emit('tick', 1);
    const offset = latestOffset();
    io.to('org:1').emit('tick', 2);
    gateRecovery(io.sockets.adapter, () => Promise.resolve(false));

    await expect(io.sockets.adapter.restoreSession('p1', offset)).rejects.toThrow(
      'no longer valid',
    );
  });
});
