import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { FieldError } from '@bravo/shared';
import type { FormFailure } from '$lib/forms';
import { ApiError } from './api-client';
import { loginUrl } from './guards';

/** A text field of a submitted form ('' when absent). Trimmed unless `raw`. */
export function text(data: FormData, name: string, raw = false): string {
  const value = data.get(name);
  if (typeof value !== 'string') {
    return '';
  }
  return raw ? value : value.trim();
}

/** Several text fields at once, for refilling the form after an error. */
export function texts(data: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, text(data, name)]));
}

export function fieldErrorsOf(details: FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of details) {
    byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
  }
  return byField;
}

export interface FailureContext {
  form: string;
  id?: string;
  values?: Record<string, string>;
  /** Where to send the user back to after logging in again when the session ran out. */
  url?: URL;
}

/**
 * Turns an API error into a form failure the page can show; a lost session
 * redirects to the login page and anything else is rethrown (500 page).
 */
export function apiFailure(error: unknown, context: FailureContext): ActionFailure<FormFailure> {
  if (!(error instanceof ApiError)) {
    throw error;
  }
  if (error.status === 401 && context.url && error.code === 'unauthenticated') {
    redirect(303, loginUrl(context.url));
  }
  return fail(error.unreachable ? 503 : error.status, {
    form: context.form,
    ...(context.id === undefined ? {} : { id: context.id }),
    error: { code: error.code, message: error.message },
    fieldErrors: fieldErrorsOf(error.details),
    values: context.values ?? {},
  });
}

/** A failure found by the web itself before calling the API (e.g. a malformed number). */
export function localFailure(
  context: FailureContext,
  fieldErrors: Record<string, string>,
): ActionFailure<FormFailure> {
  return fail(400, {
    form: context.form,
    ...(context.id === undefined ? {} : { id: context.id }),
    error: { code: 'validation_failed', message: 'Invalid input.' },
    fieldErrors,
    values: context.values ?? {},
  });
}
