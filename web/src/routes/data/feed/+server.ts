import { LIMITS } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { relay } from '$lib/server/endpoints';
import { cursorParam, integerParam, uuidParam } from '$lib/server/request-params';
import type { RequestHandler } from './$types';

/** Older feed items for "Load more": `?cursor=<nextCursor>&limit=&valueId=` → a `FeedPageDto`. */
export const GET: RequestHandler = (event) =>
  relay(event, (caller) => {
    const query = event.url.searchParams;
    return ok(
      api(caller).GET('/api/v1/feed', {
        params: {
          query: {
            cursor: cursorParam(query, 'cursor'),
            valueId: uuidParam(query, 'valueId'),
            limit: integerParam(query, 'limit', {
              min: 1,
              max: LIMITS.feedPageMax,
              fallback: LIMITS.feedPageDefault,
            }),
          },
        },
      }),
    );
  });
