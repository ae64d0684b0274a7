import { isLoopbackHost, localOnlyHost } from './loopback-host';

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['0.0.0.0', true],
    ['[::1]', true],
    ['[::ffff:7f00:1]', true],
    ['192.168.1.20', false],
    ['10.0.0.1', false],
    ['[fd00::1]', false],
    ['localhost.example.com', false],
    ['bravo.example', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('localOnlyHost', () => {
  it('names the host of a link only this machine opens', () => {
    expect(localOnlyHost('http://localhost:3000/invite/abc')).toBe('localhost:3000');
    expect(localOnlyHost('http://127.0.0.1:3000/tv/abc')).toBe('127.0.0.1:3000');
  });

  it('is null for a link other devices can open, or no link at all', () => {
    expect(localOnlyHost('http://192.168.1.20:3000/tv/abc')).toBeNull();
    expect(localOnlyHost('not a url')).toBeNull();
  });
});
