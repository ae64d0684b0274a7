import { createHash } from 'node:crypto';

/**
 * The words folded for near-duplicate detection: case, accents' combining marks, spacing
 * and punctuation do not make two stories different.
 */
export function fingerprintOf(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(folded).digest('hex');
}

/** A first name for public pages and screens: the first word of the name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** Seconds a person needs at least to write a story on the public page. */
export const MIN_FILL_MS = 3000;
/** A form older than this is stale (a bot replaying a page it fetched once). */
export const MAX_FILL_MS = 24 * 3600_000;

/** Whether a public form came back as a person sends it: in time, and the trap left empty. */
export function looksHuman(input: { startedAt: number; website?: string }, now: number): boolean {
  const elapsed = now - input.startedAt;
  return !input.website && elapsed >= MIN_FILL_MS && elapsed <= MAX_FILL_MS;
}
