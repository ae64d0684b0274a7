import type { PageServerLoad } from './$types';

/** `/tv` without a link: the page pairs itself by code in the browser (its token lives there). */
export const load: PageServerLoad = (event) => {
  event.setHeaders({
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
    'referrer-policy': 'no-referrer',
  });
  return {};
};
