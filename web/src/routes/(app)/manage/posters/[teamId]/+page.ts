import { loadDictionary } from '$lib/i18n';
import type { PageLoad } from './$types';

// The poster may be in another language than the page around it: its words before rendering.
export const load: PageLoad = async ({ data }) => {
  await loadDictionary(data.posterLocale);
  return data;
};
