import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { WEB_CLIENT_HEADERS } from '@bravo/shared';
import { trustFunction } from '../config/trust-proxy';
import { isApiPath, prepareWebRequest } from './web-handler';

describe('isApiPath', () => {
  it.each([
    ['/api/v1/me', true],
    ['/api/health', true],
    ['/api', true],
    ['/socket.io/?EIO=4', true],
    ['/apiary', false],
    ['/', false],
    ['/admin/members', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isApiPath(url)).toBe(expected);
  });
});

describe('prepareWebRequest', () => {
  const request = (peer: string, headers: Record<string, string>): IncomingMessage => {
    const socket = new Socket();
    Object.defineProperty(socket, 'remoteAddress', { value: peer });
    return { socket, headers: { ...headers } } as unknown as IncomingMessage;
  };
  const forwarded = {
    'x-forwarded-for': '198.51.100.1, 203.0.113.9',
    'x-forwarded-proto': 'https',
    [WEB_CLIENT_HEADERS.address]: '192.0.2.1',
  };

  it('trusting nobody, takes the peer as the client and the protocol as plain HTTP', () => {
    const req = request('127.0.0.1', forwarded);
    prepareWebRequest(req, trustFunction(false));
    expect(req.headers[WEB_CLIENT_HEADERS.address]).toBe('127.0.0.1');
    expect(req.headers['x-forwarded-proto']).toBe('http');
  });

  it('behind one trusted hop, takes what that proxy forwarded', () => {
    const req = request('10.0.0.5', forwarded);
    prepareWebRequest(req, trustFunction(1));
    expect(req.headers[WEB_CLIENT_HEADERS.address]).toBe('203.0.113.9');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });

  it('ignores a proxy that is not on the list', () => {
    const req = request('10.0.0.5', forwarded);
    prepareWebRequest(req, trustFunction(['192.168.0.0/16']));
    expect(req.headers[WEB_CLIENT_HEADERS.address]).toBe('10.0.0.5');
    expect(req.headers['x-forwarded-proto']).toBe('http');
  });
});
