import { createHash, randomBytes } from 'node:crypto';

/** A long random secret for sessions, invitations and display links (256 bits). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as this hash; a high-entropy token needs no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
