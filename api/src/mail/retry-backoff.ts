/** Attempts after which a message is given up (about a day with the default base). */
export const MAX_MAIL_ATTEMPTS = 30;

const MAX_BACKOFF_MS = 3_600_000;

/** How long to wait after the `attempts`-th failed send: doubling from `baseMs`, at most an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}
