/**
 * Whether a browser request comes from Bravo's own pages: its `Origin` names
 * the host the request was sent to (the `Host` header, so any address the app
 * is reached at works — LAN IP, proxy name) or the configured public origin;
 * without `Origin`, `Sec-Fetch-Site: same-origin` also proves it. The one rule
 * for cookie-authenticated state changes over HTTP and cookie socket handshakes.
 */
export function isOwnOrigin(
  headers: { origin?: string; host?: string; 'sec-fetch-site'?: string },
  publicUrl?: string,
): boolean {
  const origin = headers.origin;
  if (!origin || origin === 'null') {
    return headers['sec-fetch-site'] === 'same-origin';
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return false;
  }
  if (publicUrl && originOf(publicUrl) === parsed.origin) {
    return true;
  }
  const host = headers.host;
  if (!host) {
    return false;
  }
  try {
    // Parsed with the origin's scheme, so "example.com:443" and "example.com" agree under https.
    return new URL(`${parsed.protocol}//${host}`).host === parsed.host;
  } catch {
    return false;
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
