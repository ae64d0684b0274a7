import { Logger } from '@nestjs/common';
import type { Clock } from '../common/clock';
import { DomainEvents } from '../events/domain-events';
import type { KudosRecord } from '../kudos/kudos-record';
import type { MetricBatch, MetricChanges } from '../metrics/metric-changes.queue';
import type { BadgeAwards } from './badge-awards.service';
import { BadgeEvaluationQueue } from './badge-evaluation.queue';

const kudos = (giver: string, recipients: string[]): KudosRecord => ({
  id: `k-${giver}`,
  giver: { id: giver, name: giver, teamId: null },
  recipients: recipients.map((id) => ({ id, name: id, teamId: null })),
  value: { id: 'v', name: 'V', hashtag: 'V', emoji: null, color: '#000000' },
  message: 'Thanks a lot!',
  points: 0,
  createdAt: new Date(),
});

/** Polls a condition (no fixed sleep). */
async function until(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5000) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const plain = (changes: MetricChanges) =>
  Object.fromEntries([...changes].map(([id, metrics]) => [id, [...metrics].sort()]));

describe('BadgeEvaluationQueue', () => {
  let events: DomainEvents;
  let calls: { org: string; changes: Record<string, string[]>; since: string }[];
  let now: string;
  let gate: Promise<void> | null;
  let failNext: boolean;
  let queue: BadgeEvaluationQueue;
  let logged: jest.SpyInstance;

  beforeEach(() => {
    events = new DomainEvents();
    calls = [];
    gate = null;
    failNext = false;
    now = '2026-06-30T19:59:59.000Z';
    const awards = {
      evaluate: async (org: string, { changes, since }: MetricBatch) => {
        calls.push({ org, changes: plain(changes), since: since.toISOString() });
        await gate;
        if (failNext) {
          failNext = false;
          throw new Error('database went away');
        }
        return [];
      },
    } as unknown as BadgeAwards;
    const clock: Clock = { now: () => new Date(now) };
    queue = new BadgeEvaluationQueue(events, awards, clock);
    queue.onModuleInit();
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await queue.onModuleDestroy();
    logged.mockRestore();
  });

  it('coalesces what one organisation queued into one evaluation, off the emitter', async () => {
    events.emit('kudos.created', { organizationId: 'o1', kudos: kudos('sam', ['lena']) });
    events.emit('kudos.created', { organizationId: 'o1', kudos: kudos('lena', ['omar']) });
    events.emit('kudos.created', { organizationId: 'o2', kudos: kudos('eve', ['bob']) });
    expect(calls).toEqual([]); // nothing ran on the emitter's stack
    await queue.idle();
    expect(calls.map((c) => c.since)).toEqual([now, now]);
    expect(calls.map(({ org, changes }) => ({ org, changes }))).toEqual([
      {
        org: 'o1',
        changes: {
          sam: [
            'distinct_colleagues_recognised',
            'kudos_given',
            'kudos_given_for_value',
            'weekly_giving_streak',
          ],
          lena: [
            'distinct_colleagues_recognised',
            'distinct_givers',
            'kudos_given',
            'kudos_given_for_value',
            'kudos_received',
            'kudos_received_for_value',
            'weekly_giving_streak',
          ],
          omar: ['distinct_givers', 'kudos_received', 'kudos_received_for_value'],
        },
      },
      {
        org: 'o2',
        changes: {
          eve: [
            'distinct_colleagues_recognised',
            'kudos_given',
            'kudos_given_for_value',
            'weekly_giving_streak',
          ],
          bob: ['distinct_givers', 'kudos_received', 'kudos_received_for_value'],
        },
      },
    ]);
  });

  it('re-evaluates both missions metrics for the member who completed a mission', async () => {
    events.emit('mission.completed', {
      organizationId: 'o1',
      missionId: 'm1',
      memberId: 'ana',
      teamId: null,
      submissionId: 's1',
      points: 0,
    });
    await queue.idle();
    expect(calls).toEqual([
      {
        org: 'o1',
        changes: { ana: ['missions_completed', 'months_all_missions_completed'] },
        since: now,
      },
    ]);
  });

  it('evaluates what arrives during a run in one more run, dated by its first change', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    queue.changed('o1', [{ memberIds: ['a'], metrics: ['kudos_given'] }]);
    await until(() => calls.length === 1);
    const first = now;
    now = '2026-06-30T20:00:01.000Z'; // past midnight in Dubai: the next batch began then
    queue.changed('o1', [{ memberIds: ['b'], metrics: ['kudos_given'] }]);
    now = '2026-06-30T20:00:02.000Z';
    queue.changed('o1', [{ memberIds: ['c'], metrics: ['kudos_received'] }]);
    open();
    await queue.idle();
    expect(calls).toEqual([
      { org: 'o1', changes: { a: ['kudos_given'] }, since: first },
      {
        org: 'o1',
        changes: { b: ['kudos_given'], c: ['kudos_received'] },
        since: '2026-06-30T20:00:01.000Z',
      },
    ]);
  });

  it('logs a failed evaluation and goes on with the next', async () => {
    failNext = true;
    queue.changed('o1', [{ memberIds: ['a'], metrics: ['kudos_given'] }]);
    await queue.idle();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('database went away'));
    queue.changed('o1', [{ memberIds: ['b'], metrics: ['kudos_given'] }]);
    await queue.idle();
    expect(calls.map((c) => c.changes)).toEqual([{ a: ['kudos_given'] }, { b: ['kudos_given'] }]);
  });
});
