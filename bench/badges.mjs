// The badges section: does evaluating badges slow giving? Same load, two organisations, one run.
import { okApi } from '../test/support/bravo-api.js';
import { kudosViaApi } from './scenarios.mjs';

const METRICS = [
  ['kudos_given', 'all_time'],
  ['kudos_received', 'month'],
  ['distinct_colleagues_recognised', 'all_time'],
  ['kudos_received_for_value', 'week'],
  ['weekly_giving_streak', 'all_time'],
];

/** Turns the organisation's starter badges off: the baseline evaluates nothing. */
export async function withoutBadges(url, org) {
  const badges = await okApi(url, 'GET', '/api/v1/badges', { token: org.adminToken });
  for (const badge of badges) {
    await okApi(url, 'POST', `/api/v1/badges/${badge.id}/deactivate`, { token: org.adminToken });
  }
  return 0;
}

/** Tops the organisation up to `count` active badges over every kudos metric and window. */
export async function withBadges(url, org, count) {
  const active = await okApi(url, 'GET', '/api/v1/badges', { token: org.adminToken });
  for (let i = active.length; i < count; i++) {
    const [metric, window] = METRICS[i % METRICS.length];
    await okApi(url, 'POST', '/api/v1/badges', {
      token: org.adminToken,
      body: {
        name: `Bench badge ${i}`,
        icon: 'star',
        description: 'Bench',
        bonusPoints: i % 2 ? 5 : 0,
        metric,
        threshold: 5 + i * 7,
        window: metric === 'weekly_giving_streak' ? 'all_time' : window,
        ...(metric === 'kudos_received_for_value' ? { valueId: org.valueId } : {}),
      },
    });
  }
  return (await okApi(url, 'GET', '/api/v1/badges', { token: org.adminToken })).length;
}

/**
 * Kudos throughput with `count` active badges ÷ with none, in alternating rounds (best of
 * each), so a neighbour's burst of CPU does not decide the ratio.
 */
export async function badgeOverhead(url, plain, badged, { load, rounds }) {
  const best = (a, b) => (!a || b.throughputPerSec > a.throughputPerSec ? b : a);
  await kudosViaApi(url, plain, { concurrency: load.concurrency, total: 200 });
  await kudosViaApi(url, badged, { concurrency: load.concurrency, total: 200 });
  let without;
  let withThem;
  for (let round = 0; round < rounds; round++) {
    without = best(without, await kudosViaApi(url, plain, load));
    withThem = best(withThem, await kudosViaApi(url, badged, load));
  }
  return { without, with: withThem };
}
