import { LIMITS } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { chosenFile, uploadImage } from '$lib/server/uploads';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMember(event);
  const caller = callerOf(event);
  try {
    const [missions, submissions] = await Promise.all([
      ok(api(caller).GET('/api/v1/missions')),
      ok(api(caller).GET('/api/v1/mission-submissions/mine')),
    ]);
    return {
      missions,
      submissions,
      // One per rendering of each form: a double submit or a retry hands it in once.
      keys: Object.fromEntries(missions.map((mission) => [mission.id, crypto.randomUUID()])),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  submit: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const evidence = { text: text(data, 'text'), url: text(data, 'url') };
    const key = text(data, 'idempotencyKey').slice(0, LIMITS.idempotencyKeyMax);
    const photo = chosenFile(data, 'photo');
    return attempt({ form: 'submit', id, values: evidence, url: event.url }, async () => {
      const client = api(callerOf(event));
      // A photo goes to the API's upload first (checked and re-encoded there), then by its id.
      const photoId = photo ? (await uploadImage(client, photo)).id : undefined;
      const submission = await ok(
        client.POST('/api/v1/missions/{id}/submissions', {
          params: { path: { id }, header: { 'Idempotency-Key': key || undefined } },
          // A field the mission does not ask for is left out; one it needs and is empty, sent as is.
          body: {
            ...(data.has('text') ? { text: evidence.text } : {}),
            ...(data.has('url') ? { url: evidence.url } : {}),
            ...(photoId ? { photoId } : {}),
          },
        }),
      );
      return { success: submission.status === 'approved' ? 'mission_done' : 'mission_submitted' };
    });
  },
};
