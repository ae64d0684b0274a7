import { createdIds, LIVE_TICK_MAX_KUDOS, type KudosDto } from '@bravo/shared';
import { tickPayload } from './tick-payload';

const board = {
  version: 7,
  members: {} as never,
  teams: {} as never,
};
const kudos = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `k${i}`, message: 'x' }) as unknown as KudosDto);

describe('tickPayload', () => {
  it('carries a quiet tick whole', () => {
    const tick = tickPayload(undefined, kudos(3), board);
    expect(tick['kudos.created']).toEqual({ items: kudos(3) });
    expect(tick['kudos.removed']).toBeUndefined();
    expect(tick['leaderboard.updated']).toBe(board);
  });

  it('sends the newest of a burst in full and the others by id, each once, in order', () => {
    const burst = kudos(LIVE_TICK_MAX_KUDOS + 25);
    const created = tickPayload({ ids: ['gone'] }, burst, board)['kudos.created']!;
    expect(created.items).toEqual(burst.slice(0, LIVE_TICK_MAX_KUDOS));
    expect(created.more).toHaveLength(25);
    expect(createdIds(created)).toEqual(burst.map((k) => k.id));
  });

  it('leaves kudos out of a tick that has none', () => {
    expect(tickPayload(undefined, [], board)).toEqual({ 'leaderboard.updated': board });
  });
});
