import { isWebOrigin, originList } from '@bravo/shared';

/**
 * Headers every web response carries. The page's script and style policy is
 * SvelteKit's `kit.csp` (svelte.config.js, with a nonce per page); this adds
 * what depends on the request or on runtime settings: who may frame the page
 * (a response header: browsers ignore frame-ancestors in a meta tag), the
 * referrer policy, and HSTS over TLS.
 */
export interface SecuritySettings {
  /** Origins allowed to frame TV screens (`FRAME_ANCESTORS`); empty: nobody. */
  frameAncestors: readonly string[];
}

/** `FRAME_ANCESTORS`: space-separated http(s) origins such as `https://signage.example`. */
export function parseFrameAncestors(setting: string | undefined): string[] {
  const origins = originList(setting);
  const bad = origins.filter((origin) => !isWebOrigin(origin));
  if (bad.length > 0) {
    throw new Error(
      `FRAME_ANCESTORS must be space-separated origins such as https://signage.example.com, not ${bad.join(' ')}`,
    );
  }
  return origins;
}

/**
 * Only TV screens (`/tv/…`) may be framed by the configured signage players:
 * they are read-only, while every other page holds forms a frame could trick
 * a member into using. A TV page's URL is its secret, so it never leaves as a referrer.
 */
export function securityHeaders(
  request: { screen: boolean; tls: boolean },
  settings: SecuritySettings,
): Record<string, string> {
  const ancestors =
    request.screen && settings.frameAncestors.length > 0 ? settings.frameAncestors : ["'none'"];
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': request.screen ? 'no-referrer' : 'strict-origin-when-cross-origin',
    'content-security-policy': `frame-ancestors ${ancestors.join(' ')}`,
  };
  if (ancestors[0] === "'none'") {
    // For browsers that predate frame-ancestors.
    headers['x-frame-options'] = 'DENY';
  }
  if (request.tls) {
    headers['strict-transport-security'] = 'max-age=15552000; includeSubDomains';
  }
  return headers;
}

/** Sets the headers on a response; frame-ancestors joins the page's own policy when it has one. */
export function applySecurityHeaders(response: Response, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    const page = name === 'content-security-policy' && response.headers.get(name);
    response.headers.set(name, page ? `${page}; ${value}` : value);
  }
}
