const FINISH = Symbol('finishAfterCommit');

/**
 * A route result whose slow, database-free part (a display's QR images) is added
 * after the audited transaction commits, so the transaction is not held open
 * while the CPU works. The audit entry records `value`.
 */
export interface FinishAfterCommit<T, R> {
  [FINISH]: (value: T) => Promise<R>;
  value: T;
}

export const finishAfterCommit = <T, R>(
  value: T,
  finish: (value: T) => Promise<R>,
): FinishAfterCommit<T, R> => ({ [FINISH]: finish, value });

/** The recorded value, and how to complete it once committed (the value itself if nothing). */
export function splitResult(result: unknown): {
  value: unknown;
  complete: () => Promise<unknown>;
} {
  if (result && typeof result === 'object' && FINISH in result) {
    const r = result as FinishAfterCommit<unknown, unknown>;
    return { value: r.value, complete: () => r[FINISH](r.value) };
  }
  return { value: result, complete: () => Promise.resolve(result) };
}
