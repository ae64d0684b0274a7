import { loadDictionary } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// The reader's dictionary before anything renders, on the server and on hydration.
export const load: LayoutLoad = async ({ data }) => {
  await loadDictionary(data.locale);
  return data;
};
