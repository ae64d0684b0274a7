import { redirect } from '@sveltejs/kit';
import { withQuery } from '$lib/links';
import { api, ok } from '$lib/server/api-client';
import { attempt, localFailure, texts } from '$lib/server/forms';
import { callerOf, failLoad } from '$lib/server/guards';
import { PRAISE_FORM_FIELDS, publicPraiseBody } from '$lib/server/public-praise-form';
import type { Actions, PageServerLoad } from './$types';

// A phone on a slow connection gets HTML and CSS only: no JavaScript is sent, and the
// form is a plain POST to this page's action, which calls the API from the server.
export const csr = false;

export const load: PageServerLoad = async (event) => {
  event.setHeaders({
    // Every render carries its own start time (the API's minimum fill time).
    'cache-control': 'no-store',
    // The code is on a poster in the shop, not something for search engines.
    'x-robots-tag': 'noindex, nofollow',
  });
  try {
    const page = await ok(
      api({ token: null }).GET('/api/v1/public/praise-pages/{code}', {
        params: { path: { code: event.params.code } },
      }),
    );
    return { page, sent: event.url.searchParams.has('sent') };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const context = { form: 'praise', values: texts(data, PRAISE_FORM_FIELDS) };
    const parsed = publicPraiseBody(data);
    if (!parsed.ok) {
      return localFailure(context, parsed.fieldErrors);
    }
    // The customer's address (for the API's per-address limit), never a staff session.
    const caller = { ...callerOf(event), token: null };
    return attempt(context, async () => {
      await ok(
        api(caller).POST('/api/v1/public/praise-pages/{code}', {
          params: { path: { code: event.params.code } },
          body: parsed.body,
        }),
      );
      // Post/redirect/get: reloading the thank-you does not send the praise again.
      redirect(303, withQuery(event.url, { sent: '1' }));
    });
  },
};
