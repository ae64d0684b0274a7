import { getOrganization, listValues } from '$lib/server/api-client';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMember(event);
  const caller = callerOf(event);
  try {
    const [organization, values] = await Promise.all([getOrganization(caller), listValues(caller)]);
    return { organization, values: values.filter((value) => !value.archived) };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
