import { api, ok } from '$lib/server/api-client';
import { callerOf, failLoad, requireAdmin } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const PERIODS = ['month', 'last-month'] as const;
type Period = (typeof PERIODS)[number];

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  const asked = event.url.searchParams.get('period');
  // An unknown period is this month, as the API's default: a hand-edited link still shows something.
  const period: Period = PERIODS.find((p) => p === asked) ?? 'month';
  const caller = callerOf(event);
  try {
    const [flags, ledger] = await Promise.all([
      ok(api(caller).GET('/api/v1/fair-play/flags', { params: { query: { period } } })),
      ok(api(caller).GET('/api/v1/points/verify')),
    ]);
    return { period, flags, ledger };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
