import { error } from '@sveltejs/kit';
import { api } from '$lib/server/api-client';
import type { RequestHandler } from './$types';

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Headers of the API's answer passed on to the screen. */
const PASSED = [
  'content-type',
  'content-length',
  'content-disposition',
  'content-security-policy',
  'x-content-type-options',
];

/**
 * A badge's image for a TV screen, which has no session: the link's token goes to the API as
 * `Authorization: Display …`, and the API answers only for images badges of the screen's
 * organisation wear.
 */
export const GET: RequestHandler = async ({ params }) => {
  if (!TOKEN.test(params.token) || !UUID.test(params.id)) {
    error(404, 'Not found');
  }
  let response: Response;
  try {
    ({ response } = await api({ token: null }).GET('/api/v1/display/badge-images/{id}', {
      params: { path: { id: params.id } },
      headers: { authorization: `Display ${params.token}`, accept: 'image/*' },
      parseAs: 'stream',
    }));
  } catch {
    error(503, 'The Bravo API is not reachable.');
  }
  // On an error the client has read the body already (as the error).
  if (!response.ok || !response.body) {
    error(response.status === 401 || response.status === 403 ? response.status : 404, 'Not found');
  }
  const headers = new Headers({
    'cache-control': 'private, max-age=3600',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow',
  });
  for (const name of PASSED) {
    const value = response.headers.get(name);
    if (value) {
      headers.set(name, value);
    }
  }
  return new Response(response.body, { headers });
};
