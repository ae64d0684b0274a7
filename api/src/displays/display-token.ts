/** The token of `Authorization: Display <token>`, or null for any other header. */
export function readDisplayToken(authorization: string | undefined): string | null {
  const token = authorization?.startsWith('Display ') ? authorization.slice(8).trim() : '';
  return token || null;
}
