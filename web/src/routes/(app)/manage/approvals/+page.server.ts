import { LIMITS } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { callerOf, failLoad, requireMissionManager } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMissionManager(event);
  try {
    const caller = callerOf(event);
    const [pending, praise, values] = await Promise.all([
      ok(api(caller).GET('/api/v1/mission-submissions/pending')),
      ok(api(caller).GET('/api/v1/praise/pending')),
      ok(api(caller).GET('/api/v1/values')),
    ]);
    return {
      pending,
      praise,
      values: values.filter((value) => !value.archived),
      // One per rendering of each row: approving twice (double click, retry) awards once.
      keys: Object.fromEntries(
        [...pending, ...praise].map((item) => [item.id, crypto.randomUUID()]),
      ),
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

  approvePraise: async (event) => {
    requireMissionManager(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const valueId = text(data, 'valueId');
    const key = text(data, 'idempotencyKey').slice(0, LIMITS.idempotencyKeyMax);
    return attempt({ form: 'approvePraise', id, values: { valueId }, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).POST('/api/v1/praise/{id}/approve', {
          params: { path: { id }, header: { 'Idempotency-Key': key || undefined } },
          body: { valueId },
        }),
      );
      return { success: 'praise_approved' };
    });
  },

  rejectPraise: async (event) => {
    requireMissionManager(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const reason = text(data, 'reason');
    return attempt({ form: 'rejectPraise', id, values: { reason }, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).POST('/api/v1/praise/{id}/reject', {
          params: { path: { id } },
          body: { reason },
        }),
      );
      return { success: 'praise_rejected' };
    });
  },
};
