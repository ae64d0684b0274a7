import type { FieldProblem } from '$lib/forms';
import type { ApiSchemas } from './api-client';
import { text } from './forms';

/** What the public praise page sends the API (`POST /public/praise-pages/{code}`). */
export type PublicPraiseBody = ApiSchemas['PublicPraiseInput'];

/** The fields refilled after an error (the trap is not: a person never filled it in). */
export const PRAISE_FORM_FIELDS = [
  'memberId',
  'text',
  'rating',
  'customerName',
  'contact',
  'consent',
  'startedAt',
] as const;

export type PraiseFormResult =
  { ok: true; body: PublicPraiseBody } | { ok: false; fieldErrors: Record<string, FieldProblem[]> };

/**
 * The customer's form as the API's input. Empty optional fields are left out; contact
 * details go only with the consent box ticked, and without it the customer is asked (not
 * silently ignored). A missing or garbled `startedAt` becomes 0, which the API treats as a
 * stale form and drops like a bot's, without telling anyone.
 */
export function publicPraiseBody(data: FormData): PraiseFormResult {
  const fieldErrors: Record<string, FieldProblem[]> = {};
  const body: PublicPraiseBody = {
    text: text(data, 'text'),
    startedAt: wholeNumber(text(data, 'startedAt')) ?? 0,
  };

  const memberId = text(data, 'memberId');
  if (memberId) {
    body.memberId = memberId;
  }

  const rating = text(data, 'rating');
  if (rating) {
    const stars = wholeNumber(rating);
    if (stars === null || stars < 1 || stars > 5) {
      fieldErrors.rating = [{ code: 'out_of_range', params: { min: 1, max: 5 } }];
    } else {
      body.rating = stars;
    }
  }

  const customerName = text(data, 'customerName');
  if (customerName) {
    body.customerName = customerName;
  }

  const consent = text(data, 'consent') === 'yes';
  const contact = text(data, 'contact');
  if (contact && !consent) {
    fieldErrors.consent = [{ code: 'required', params: {} }];
  } else if (contact) {
    body.contact = contact;
    body.consent = true;
  }

  // The trap, passed on as it came: the API decides what a bot is.
  const website = text(data, 'website', true);
  if (website) {
    body.website = website;
  }

  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, body };
}

function wholeNumber(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}
