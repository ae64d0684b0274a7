import type { ErrorParams, FieldError } from '@bravo/shared';

/** What is wrong with one field, to be worded by `fieldErrorText`. */
export type FieldProblem = Omit<FieldError, 'field'>;

/**
 * The shape every failed form action returns (see `$lib/server/forms.ts`), and
 * small guards that read it back from `page.form` / the `form` prop.
 */
export interface FormFailure {
  /** Which form on the page failed (several forms can share one page). */
  form: string;
  /** The row the form belongs to, when a page has one form per row. */
  id?: string;
  /** An API error code and its parameters, worded by `errorText`. */
  error: { code: string; params: ErrorParams };
  /** Field errors by input name, e.g. `email` or `rules.maxKudosPerDay`. */
  fieldErrors: Record<string, FieldProblem[]>;
  /** What the user typed (never passwords), to refill the form without JavaScript. */
  values: Record<string, string>;
}

/** A successful action returns `{ success: '<toast key>' }`, plus anything the page needs. */
export interface FormSuccess {
  success: string;
}

export function isFormFailure(value: unknown): value is FormFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    'fieldErrors' in value &&
    'form' in value
  );
}

/** The failure of one particular form (and row), or null. */
export function failureOf(form: unknown, name: string, id?: string): FormFailure | null {
  if (!isFormFailure(form) || form.form !== name) {
    return null;
  }
  return id === undefined || form.id === id ? form : null;
}

/** The toast key of a successful action, or null. */
export function successOf(form: unknown): string | null {
  if (typeof form === 'object' && form !== null && 'success' in form) {
    const success = (form as FormSuccess).success;
    return typeof success === 'string' ? success : null;
  }
  return null;
}
