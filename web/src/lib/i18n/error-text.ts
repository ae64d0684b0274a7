import type { ErrorParams } from '@bravo/shared';
import type { FieldProblem, FormFailure } from '../forms';
import type { Translate } from './translate';

/** `t`, or `fallback` when the message is missing or a parameter did not come. */
function worded(t: Translate, id: string, values: ErrorParams, fallback: string): string {
  return t(id, { values, default: t(fallback) });
}

/** An API error in the reader's language (`errors.<code>`), its parameters filled in. */
export function errorText(t: Translate, error: { code: string; params?: ErrorParams }): string {
  return worded(t, `errors.${error.code}`, error.params ?? {}, 'errors.internal_error');
}

/** A field's problems in the reader's language (`fieldErrors.<code>`), one sentence each. */
export function fieldErrorText(
  t: Translate,
  problems: readonly FieldProblem[] | undefined,
): string {
  return (problems ?? [])
    .map(({ code, params }) => worded(t, `fieldErrors.${code}`, params, 'fieldErrors.invalid'))
    .join(' ');
}

/** Every field error of a failed form, worded, by input name (`{}` without a failure). */
export function fieldMessages(t: Translate, failure: FormFailure | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(failure?.fieldErrors ?? {}).map(([field, problems]) => [
      field,
      fieldErrorText(t, problems),
    ]),
  );
}
