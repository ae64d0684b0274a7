import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { FieldError } from '@bravo/shared';
import type { FieldProblem, FormFailure } from '$lib/forms';
import { ApiError } from './api-errors';
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

/** The API's field errors grouped by input name. */
export function fieldErrorsOf(details: FieldError[]): Record<string, FieldProblem[]> {
  const byField: Record<string, FieldProblem[]> = {};
  for (const { field, code, params } of details) {
    (byField[field] ??= []).push({ code, params });
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
    error: { code: error.code, params: error.params },
    fieldErrors: fieldErrorsOf(error.details),
    values: context.values ?? {},
  });
}

/** A failure found by the web itself before calling the API (e.g. a malformed number). */
export function localFailure(
  context: FailureContext,
  fieldErrors: Record<string, FieldProblem[]>,
): ActionFailure<FormFailure> {
  return fail(400, {
    form: context.form,
    ...(context.id === undefined ? {} : { id: context.id }),
    error: { code: 'validation_failed', params: {} },
    fieldErrors,
    values: context.values ?? {},
  });
}

/**
 * The one try/catch of a form action: runs `work` (the API calls, then what
 * the action answers or a redirect) and turns an API error into the form's
 * failure, as `apiFailure` does.
 */
export async function attempt<T>(
  context: FailureContext,
  work: () => Promise<T>,
): Promise<T | ActionFailure<FormFailure>> {
  try {
    return await work();
  } catch (cause) {
    return apiFailure(cause, context);
  }
}
