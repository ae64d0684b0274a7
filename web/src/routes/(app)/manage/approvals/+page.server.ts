import { LIMITS } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireMissionManager } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMissionManager(event);
  try {
    const pending = await ok(api(callerOf(event)).GET('/api/v1/mission-submissions/pending'));
    return {
      pending,
      // One per rendering of each row: approving twice (double click, retry) awards once.
      keys: Object.fromEntries(pending.map((submission) => [submission.id, crypto.randomUUID()])),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  approve: async (event) => {
    requireMissionManager(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const key = text(data, 'idempotencyKey').slice(0, LIMITS.idempotencyKeyMax);
    return attempt({ form: 'approve', id, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).POST('/api/v1/mission-submissions/{id}/approve', {
          params: { path: { id }, header: { 'Idempotency-Key': key || undefined } },
        }),
      );
      return { success: 'submission_approved' };
    });
  },

  reject: async (event) => {
    requireMissionManager(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const reason = text(data, 'reason');
    return attempt({ form: 'reject', id, values: { reason }, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).POST('/api/v1/mission-submissions/{id}/reject', {
          params: { path: { id } },
          body: { reason },
        }),
      );
      return { success: 'submission_rejected' };
    });
  },
};
