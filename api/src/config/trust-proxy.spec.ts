import { parseTrustProxy, trustFunction } from './trust-proxy';

describe('trustFunction', () => {
  it('trusts nobody when off, loopback included', () => {
    expect(trustFunction(false)('127.0.0.1', 0)).toBe(false);
  });

  it('trusts the nearest N hops with a count', () => {
    const trust = trustFunction(2);
    expect([0, 1, 2].map((hop) => trust('203.0.113.1', hop))).toEqual([true, true, false]);
  });

  it('trusts exactly the listed addresses and ranges', () => {
    const trust = trustFunction(parseTrustProxy('10.0.0.0/8, 192.168.1.7, loopback') as string[]);
    expect(trust('10.20.30.40', 0)).toBe(true);
    expect(trust('192.168.1.7', 3)).toBe(true);
    expect(trust('::1', 0)).toBe(true);
    expect(trust('192.168.1.8', 0)).toBe(false);
    expect(trust('203.0.113.1', 0)).toBe(false);
  });
});
