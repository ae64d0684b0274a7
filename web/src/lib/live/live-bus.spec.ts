import { describe, expect, it, vi } from 'vitest';
import type { KudosDto, LeaderboardUpdatedPayload } from '@bravo/shared';
import { LiveBus } from './live-bus';

const board = { version: 3 } as LeaderboardUpdatedPayload;
const kudos = { id: 'k1' } as KudosDto;

describe('LiveBus', () => {
  it('hands a tick to the listeners of its parts: removals, then kudos, then boards', () => {
    const bus = new LiveBus();
    const seen: string[] = [];
    bus.on('leaderboard.updated', (payload) => seen.push(`board ${payload.version}`));
    bus.on('kudos.created', (payload) => seen.push(`created ${payload.items[0].id}`));
    bus.on('kudos.removed', (payload) => seen.push(`removed ${payload.ids.join()}`));

    bus.receive('live.tick', {
      'leaderboard.updated': board,
      'kudos.created': { items: [kudos] },
      'kudos.removed': { ids: ['k0'] },
    });

    expect(seen).toEqual(['removed k0', 'created k1', 'board 3']);
  });

  it('hands only the parts a tick carries', () => {
    const bus = new LiveBus();
    const created = vi.fn();
    const board = vi.fn();
    bus.on('kudos.created', created);
    bus.on('leaderboard.updated', board);

    bus.receive('live.tick', { 'leaderboard.updated': { version: 1 } });

    expect(created).not.toHaveBeenCalled();
    expect(board).toHaveBeenCalledTimes(1);
  });

  it('hands other events as they are, and stops after unsubscribing', () => {
    const bus = new LiveBus();
    const allowance = vi.fn();
    const off = bus.on('allowance.updated', allowance);

    bus.receive('allowance.updated', { remaining: 5 });
    off();
    bus.receive('allowance.updated', { remaining: 4 });

    expect(allowance).toHaveBeenCalledExactlyOnceWith({ remaining: 5 });
  });

  it('keeps delivering when one listener throws', () => {
    const bus = new LiveBus();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const second = vi.fn();
    bus.on('notification', () => {
      throw new Error('a page bug');
    });
    bus.on('notification', second);

    bus.receive('notification', { kind: 'kudos_received' });

    expect(second).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
