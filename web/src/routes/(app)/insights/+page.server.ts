import { api, ApiError, ok, type ApiCaller } from '$lib/server/api-client';
import { callerOf, failLoad, requireInsightsViewer } from '$lib/server/guards';
import { LOCAL_DATE } from '$lib/server/request-params';
import type { PageServerLoad } from './$types';

/** The page's filters as the address has them; malformed dates are dropped (the API's default). */
function filtersOf(url: URL): { from: string; to: string; teamId: string } {
  const date = (name: string) => {
    const value = (url.searchParams.get(name) ?? '').trim();
    return LOCAL_DATE.test(value) ? value : '';
  };
  return { from: date('from'), to: date('to'), teamId: url.searchParams.get('teamId') ?? '' };
}

/** Every figure of the page, asked for at once: one query each, all with the same filters. */
async function figures(caller: ApiCaller, query: { from: string; to: string; teamId: string }) {
  const params = { params: { query } };
  const client = api(caller);
  const [participation, values, fairness, topGivers, missions, praise, badges] = await Promise.all([
    ok(client.GET('/api/v1/analytics/participation', params)),
    ok(client.GET('/api/v1/analytics/values', params)),
    ok(client.GET('/api/v1/analytics/fairness', params)),
    ok(client.GET('/api/v1/analytics/top-givers', params)),
    ok(client.GET('/api/v1/analytics/missions', params)),
    ok(client.GET('/api/v1/analytics/praise', params)),
    ok(client.GET('/api/v1/analytics/badges', params)),
  ]);
  return { participation, values, fairness, topGivers, missions, praise, badges };
}

export const load: PageServerLoad = async (event) => {
  const me = requireInsightsViewer(event);
  const caller = callerOf(event);
  const filters = filtersOf(event.url);
  try {
    const allTeams = await ok(api(caller).GET('/api/v1/teams'));
    // The team filter offers what the API lets this caller see.
    const teams =
      me.role === 'admin' ? allTeams : allTeams.filter((t) => me.managedTeamIds.includes(t.id));
    try {
      return { filters, teams, figures: await figures(caller, filters), filterError: null };
    } catch (cause) {
      // Filters the API refuses (a reversed or too long span, a team not theirs): the form
      // stays, with the reason, so they can be put right.
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 403)) {
        const { code, params, details } = cause;
        return { filters, teams, figures: null, filterError: { code, params, details } };
      }
      throw cause;
    }
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
