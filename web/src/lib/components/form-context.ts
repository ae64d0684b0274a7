import { getContext, setContext } from 'svelte';

const KEY = Symbol('bravo-form');

export interface FormStatus {
  readonly pending: boolean;
}

/** Lets `SubmitButton` know that its `ActionForm` is submitting. */
export function setFormStatus(status: FormStatus): void {
  setContext(KEY, status);
}

export function getFormStatus(): FormStatus | undefined {
  return getContext<FormStatus | undefined>(KEY);
}
