import { isOwnOrigin } from './same-origin';

describe('isOwnOrigin', () => {
  const host = 'bravo.example:3000';

  it.each([
    ['the host the request was sent to', { origin: 'http://bravo.example:3000', host }, true],
    [
      'a LAN address the app is reached at',
      { origin: 'http://192.168.1.20:3000', host: '192.168.1.20:3000' },
      true,
    ],
    [
      'the default port written out in Host',
      { origin: 'https://bravo.example', host: 'bravo.example:443' },
      true,
    ],
    ['another site', { origin: 'http://evil.example', host }, false],
    ['another port of the same host', { origin: 'http://bravo.example:4000', host }, false],
    ['a sibling subdomain', { origin: 'http://x.bravo.example:3000', host }, false],
    ['a sandboxed frame (Origin: null)', { origin: 'null', host }, false],
    ['no Origin at all', { host }, false],
    [
      'no Origin, but the browser says same-origin',
      { host, 'sec-fetch-site': 'same-origin' },
      true,
    ],
    ['no Origin, same-site only', { host, 'sec-fetch-site': 'same-site' }, false],
    ['a garbled Origin', { origin: 'http://[::1', host }, false],
    ['a non-web scheme', { origin: 'file://bravo.example:3000', host }, false],
    ['no Host to compare with', { origin: 'http://bravo.example:3000' }, false],
  ])('%s', (_label, headers, expected) => {
    expect(isOwnOrigin(headers)).toBe(expected);
  });

  it('also accepts the configured public origin (behind a proxy that rewrites Host)', () => {
    const headers = { origin: 'https://bravo.example.com', host: 'api1:3000' };
    expect(isOwnOrigin(headers)).toBe(false);
    expect(isOwnOrigin(headers, 'https://bravo.example.com/')).toBe(true);
    expect(isOwnOrigin(headers, 'https://other.example.com')).toBe(false);
  });
});
