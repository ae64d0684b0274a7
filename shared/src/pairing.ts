/** Pairing a TV by the code it shows: letters and digits nobody confuses (no 0/O, 1/I/L). */
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 6;
/** A code can be claimed this long after the TV showed it. */
export const PAIRING_TTL_MS: number = 10 * 60_000;

/** What a person typed ("abc 2-3d") as the code it means ("ABC23D"), or null when it cannot be one. */
export function normalizePairingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== PAIRING_CODE_LENGTH) {
    return null;
  }
  return [...code].every((c) => PAIRING_CODE_ALPHABET.includes(c)) ? code : null;
}

/** Shown in two halves ("ABC 23D") so it reads at a glance from across a room. */
export function spacedPairingCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** `POST /api/v1/display-pairings`: what a TV waiting to be paired keeps. */
export interface DisplayPairingStartDto {
  code: string;
  /** The TV's secret: it asks with it whether it was paired, and it becomes the screen's token. */
  secret: string;
  expiresAt: string;
}

/** `GET /api/v1/display-pairings/current` (header `Authorization: Pairing <secret>`). */
export interface DisplayPairingStatusDto {
  status: 'waiting' | 'paired' | 'expired';
}
