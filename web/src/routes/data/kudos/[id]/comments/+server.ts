import { api, ok } from '$lib/server/api-client';
import { relay } from '$lib/server/endpoints';
import { InvalidParam, UUID } from '$lib/server/request-params';
import type { RequestHandler } from './$types';

/** A kudos' comment thread, opened on demand by its card → `CommentDto[]`. */
export const GET: RequestHandler = (event) =>
  relay(event, async (caller) => {
    const { id } = event.params;
    if (!UUID.test(id)) {
      throw new InvalidParam('id', 'invalid_id', 'id must be a kudos id');
    }
    return ok(api(caller).GET('/api/v1/kudos/{id}/comments', { params: { path: { id } } }));
  });
