import { LIMITS, POINT_RULE_RANGES, type MemberSummary } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { relay } from '$lib/server/endpoints';
import { searchParam } from '$lib/server/request-params';
import type { RequestHandler } from './$types';

// The picker offers 8 matches that are neither the caller nor already chosen.
const MATCHES = 8 + 1 + POINT_RULE_RANGES.maxRecipientsPerKudos.max;

/** Colleague search over the whole organisation, for the kudos form: `?q=` → `MemberSummary[]`. */
export const GET: RequestHandler = (event) =>
  relay(event, async (caller) => {
    const query = searchParam(event.url.searchParams, 'q', LIMITS.searchQueryMax);
    const members = await ok(
      api(caller).GET('/api/v1/members', { params: { query: { query, limit: MATCHES } } }),
    );
    const meId = event.locals.member?.id;
    return members.items
      .filter((member) => member.id !== meId)
      .map(({ id, name, teamId }): MemberSummary => ({ id, name, teamId }));
  });
