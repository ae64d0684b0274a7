import { LIMITS } from '@bravo/shared';
import { listKudos } from '$lib/server/api-client';
import { relay } from '$lib/server/endpoints';
import { cursorParam, integerParam, uuidParam } from '$lib/server/request-params';
import type { RequestHandler } from './$types';

/** Older kudos for "Load more": `?cursor=<nextCursor>&limit=&valueId=` → a `KudosPage`. */
export const GET: RequestHandler = (event) =>
  relay(event, (caller) => {
    const query = event.url.searchParams;
    return listKudos(caller, {
      cursor: cursorParam(query, 'cursor'),
      valueId: uuidParam(query, 'valueId'),
      limit: integerParam(query, 'limit', {
        min: 1,
        max: LIMITS.feedPageMax,
        fallback: LIMITS.feedPageDefault,
      }),
    });
  });
