import { redirect } from '@sveltejs/kit';
import { CHECKLIST_COOKIE, CHECKLIST_HIDDEN } from '$lib/onboarding/checklist';
import { requireAdmin } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** Hides the owner's checklist in this browser (a plain form post: works without JavaScript). */
export const POST: RequestHandler = (event) => {
  requireAdmin(event);
  event.cookies.set(CHECKLIST_COOKIE, CHECKLIST_HIDDEN, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    maxAge: 365 * 86_400,
  });
  redirect(303, '/');
};
