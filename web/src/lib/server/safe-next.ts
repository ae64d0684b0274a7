import { hasControlCharacters } from './control-characters';

/**
 * Where to send the user after logging in or switching language: `next` as a
 * path of this app, or `/`. It is resolved the way a browser would resolve a
 * `Location` header against `here` (the request URL): accepted only when it
 * is a path (starts with `/`), keeps the origin, holds no control characters
 * (browsers drop tabs and newlines, so `/\t/evil.example` means
 * `//evil.example`), and does not normalise to `//…` (`/.//evil`), which a
 * browser would read as another host.
 */
export function safeNext(next: string | null | undefined, here: URL): string {
  if (!next || !next.startsWith('/') || hasControlCharacters(next)) {
    return '/';
  }
  let target: URL;
  try {
    target = new URL(next, here);
  } catch {
    return '/';
  }
  if (target.origin !== here.origin || target.pathname.startsWith('//')) {
    return '/';
  }
  // The parser's output: percent-encoded, so always a valid header value.
  return target.pathname + target.search + target.hash;
}
