import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from './control-characters';
import { safeNext } from './safe-next';

const here = new URL('http://bravo.test:3000/login?next=x');

describe('safeNext', () => {
  // Each resolves, as a browser reads a Location header, to another host or to a
  // broken header; all must fall back to the home page.
  it.each([
    ['a tab the browser drops', '/\t/evil.example'],
    ['a leading tab', '\t//evil.example'],
    ['a newline (a 500 before: invalid header)', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['CRLF header injection', '/\r\nSet-Cookie: x=1'],
    ['NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['a C1 control', '/\u0085/evil.example'],
    ['a line separator', '/\u2028/evil.example'],
    ['a paragraph separator', '/\u2029/evil.example'],
    ['a backslash after the slash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['slash and backslash mixed', '/\\/evil.example'],
    ['protocol-relative', '//evil.example'],
    ['three slashes', '///evil.example'],
    ['a dot segment that leaves //', '/.//evil.example'],
    ['a parent segment that leaves //', '/a/..//evil.example'],
    ['an encoded dot segment that leaves //', '/%2e%2e//evil.example'],
    ['a dot segment and a backslash', '/./\\evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['an absolute https URL', 'https://evil.example/'],
    ['an absolute URL of this very origin', 'http://bravo.test:3000/admin'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a leading space', ' //evil.example'],
    ['a leading space before a path', ' /admin'],
    ['a relative path', 'admin'],
    ['user info', '@evil.example'],
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
  ])('%s → /', (_family, next) => {
    expect(safeNext(next, here)).toBe('/');
  });

  // Encoded slashes and backslashes stay encoded in the path: a page of this app (or its 404).
  it.each([
    ['a normal path with query and hash', '/admin?x=1#y', '/admin?x=1#y'],
    ['an encoded slash', '/%2F/evil.example', '/%2F/evil.example'],
    ['an encoded backslash', '/%5Cevil.example', '/%5Cevil.example'],
    ['an encoded tab', '/%09/evil.example', '/%09/evil.example'],
    ['non-ASCII, percent-encoded for the header', '/members/ü?q=é', '/members/%C3%BC?q=%C3%A9'],
    ['the home page', '/', '/'],
  ])('%s stays on this app', (_family, next, expected) => {
    const result = safeNext(next, here);
    expect(result).toBe(expected);
    expect(new URL(result, here).origin).toBe(here.origin);
    expect(hasControlCharacters(result)).toBe(false);
  });
});
