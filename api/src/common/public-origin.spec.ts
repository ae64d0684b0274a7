import type { NetworkInterfaceInfo } from 'node:os';
import { chooseLinkOrigin, lanAddresses, parseWebOrigin } from './public-origin';

describe('chooseLinkOrigin', () => {
  const lan = ['192.168.1.20'];

  it('keeps PUBLIC_URL above everything, without a trailing slash', () => {
    expect(
      chooseLinkOrigin({
        publicUrl: 'https://bravo.example.com/',
        requestOrigin: 'http://10.0.0.5:3000',
        lanAddresses: lan,
        port: 3000,
      }),
    ).toBe('https://bravo.example.com');
  });

  it.each([
    ['a LAN address', 'http://192.168.1.20:3000', 'http://192.168.1.20:3000'],
    ['a host name behind a proxy', 'https://bravo.shop.example', 'https://bravo.shop.example'],
    ['an IPv6 address', 'http://[fd00::20]:3000', 'http://[fd00::20]:3000'],
  ])('uses the origin the admin is using when it is %s', (_, requestOrigin, expected) => {
    expect(chooseLinkOrigin({ requestOrigin, lanAddresses: lan, port: 3000 })).toBe(expected);
  });

  it.each([
    'http://localhost:3000',
    'http://127.0.0.1:3000',
    'http://[::1]:3000',
    'http://shop.localhost:3000',
  ])('swaps the loopback %s for the LAN address, on the same port', (requestOrigin) => {
    expect(chooseLinkOrigin({ requestOrigin, lanAddresses: lan, port: 4000 })).toBe(
      'http://192.168.1.20:3000',
    );
  });

  it('keeps the scheme and port of a loopback origin behind a local TLS proxy', () => {
    expect(
      chooseLinkOrigin({
        requestOrigin: 'https://localhost:8443',
        lanAddresses: lan,
        port: 3000,
      }),
    ).toBe('https://192.168.1.20:8443');
  });

  it('uses the LAN address and the listening port when no browser is involved', () => {
    expect(chooseLinkOrigin({ lanAddresses: ['10.1.2.3', '192.168.9.9'], port: 3000 })).toBe(
      'http://10.1.2.3:3000',
    );
  });

  it('leaves port 80 out of the link', () => {
    expect(chooseLinkOrigin({ lanAddresses: lan, port: 80 })).toBe('http://192.168.1.20');
  });

  it('falls back to localhost when the machine has no network', () => {
    expect(chooseLinkOrigin({ lanAddresses: [], port: 3000 })).toBe('http://localhost:3000');
    expect(
      chooseLinkOrigin({ requestOrigin: 'http://127.0.0.1:5173', lanAddresses: [], port: 3000 }),
    ).toBe('http://127.0.0.1:5173');
  });

  it.each([
    ['a path', 'http://evil.example/phish'],
    ['credentials', 'http://user:pw@evil.example'],
    ['a query', 'http://evil.example?x=1'],
    ['a fragment', 'http://evil.example#x'],
    ['a non-web scheme', 'javascript://evil.example'],
    ['a garbled host', 'http://evil example'],
    ['a header injection', 'http://evil.example\r\nx: 1'],
    ['nothing', ''],
  ])('ignores a request origin with %s', (_, requestOrigin) => {
    expect(chooseLinkOrigin({ requestOrigin, lanAddresses: lan, port: 3000 })).toBe(
      'http://192.168.1.20:3000',
    );
  });
});

describe('parseWebOrigin', () => {
  it('answers the normalised origin', () => {
    expect(parseWebOrigin('HTTP://Bravo.Example:80/')?.origin).toBe('http://bravo.example');
  });

  it('refuses an overlong value', () => {
    expect(parseWebOrigin(`http://${'a'.repeat(300)}.example`)).toBeNull();
  });
});

describe('lanAddresses', () => {
  const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:00',
    internal,
    cidr: `${address}/24`,
  });
  const v6: NetworkInterfaceInfo = {
    address: 'fe80::1',
    netmask: 'ffff:ffff:ffff:ffff::',
    family: 'IPv6',
    mac: '00:00:00:00:00:00',
    internal: false,
    cidr: 'fe80::1/64',
    scopeid: 2,
  };

  it('lists external IPv4 addresses, real interfaces and home ranges first', () => {
    expect(
      lanAddresses({
        lo: [v4('127.0.0.1', true)],
        docker0: [v4('172.17.0.1')],
        eth1: [v4('169.254.10.10')],
        wlan0: [v6, v4('10.0.0.7')],
        eth0: [v4('192.168.1.20')],
        tailscale0: [v4('100.101.102.103')],
        ens3: [v4('203.0.113.9')],
      }),
    ).toEqual([
      '192.168.1.20',
      '10.0.0.7',
      '203.0.113.9',
      '169.254.10.10',
      '172.17.0.1',
      '100.101.102.103',
    ]);
  });

  it('keeps the system order within a rank and lists an address once', () => {
    expect(
      lanAddresses({ eth0: [v4('192.168.1.2')], wlan0: [v4('192.168.1.9'), v4('192.168.1.2')] }),
    ).toEqual(['192.168.1.2', '192.168.1.9']);
  });

  it('is empty on a machine with loopback only', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)], none: undefined })).toEqual([]);
  });
});
