import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import {
  WEB_CLIENT_HEADERS,
  type CreatedDisplayDto,
  type CreatedInvitationDto,
} from '@bravo/shared';
import { chooseLinkOrigin, lanAddresses } from '../../src/common/public-origin';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const WEB_API_SECRET = randomBytes(32).toString('hex');

/**
 * Invitation and screen links start with the origin other devices can open:
 * PUBLIC_URL, else the admin's own address as Bravo's web server names it,
 * else the LAN address — never an origin someone else slipped into a request.
 */
describe('the origin of invitation and screen links', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const t = await startTestApp({ shareDatabaseOf: apps[0], env: { WEB_API_SECRET, ...env } });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps.reverse()) {
      await t.close();
    }
  });

  let plain: TestApp;
  let admin: string;
  beforeAll(async () => {
    plain = await start();
    admin = (await plain.api.signup()).token;
  });

  const fromWeb = (origin: string) => ({
    [WEB_CLIENT_HEADERS.secret]: WEB_API_SECRET,
    [WEB_CLIENT_HEADERS.origin]: origin,
  });
  const invite = async (t: TestApp, headers: Record<string, string> = {}) => {
    const res = await t.api.call<CreatedInvitationDto>('POST', '/api/v1/invitations', {
      token: admin,
      body: {
        email: `p-${randomBytes(4).toString('hex')}@example.com`,
        name: 'Pat',
        role: 'employee',
      },
      headers,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const screen = async (t: TestApp, headers: Record<string, string> = {}) => {
    const res = await t.api.call<CreatedDisplayDto>('POST', '/api/v1/displays', {
      token: admin,
      body: { name: 'Counter TV', scope: 'organization' },
      headers,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** What links fall back to on this machine: its LAN address on the app's port. */
  const fallback = (t: TestApp) =>
    chooseLinkOrigin({
      lanAddresses: lanAddresses(networkInterfaces()),
      port: Number(new URL(t.baseUrl).port),
    });

  it('uses the address the admin is using when the web server names it', async () => {
    const origin = 'http://192.168.77.5:3000';
    const invitation = await invite(plain, fromWeb(origin));
    expect(invitation.url).toBe(`${origin}/invite/${invitation.token}`);
    const display = await screen(plain, fromWeb(origin));
    expect(display.url).toBe(`${origin}/tv/${display.token}`);
  });

  it('swaps a loopback address for the LAN one', async () => {
    const invitation = await invite(
      plain,
      fromWeb(`http://localhost:${new URL(plain.baseUrl).port}`),
    );
    expect(invitation.url).toBe(`${fallback(plain)}/invite/${invitation.token}`);
  });

  it('ignores an origin header without the shared secret, or with a wrong one', async () => {
    const forged = { [WEB_CLIENT_HEADERS.origin]: 'http://evil.example' };
    const wrong = { ...forged, [WEB_CLIENT_HEADERS.secret]: 'x'.repeat(64) };
    for (const headers of [forged, wrong]) {
      const invitation = await invite(plain, headers);
      expect(invitation.url).toBe(`${fallback(plain)}/invite/${invitation.token}`);
    }
  });

  it('ignores an origin from the web server that is not a bare origin', async () => {
    const display = await screen(plain, fromWeb('http://evil.example/phish?'));
    expect(display.url).toBe(`${fallback(plain)}/tv/${display.token}`);
  });

  it('never takes the host from a Host header sent to the API', async () => {
    const port = Number(new URL(plain.baseUrl).port);
    const body = JSON.stringify({ email: 'host@example.com', name: 'Hal', role: 'employee' });
    const answer = await new Promise<CreatedInvitationDto>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/invitations',
          headers: {
            host: 'evil.example',
            authorization: `Bearer ${admin}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            res.statusCode === 201 ? resolve(JSON.parse(text)) : reject(new Error(text)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.url).toBe(`${fallback(plain)}/invite/${answer.token}`);
  });

  it('keeps PUBLIC_URL above the address the admin is using', async () => {
    const configured = await start({ PUBLIC_URL: 'https://bravo.example.com/' });
    const invitation = await invite(configured, fromWeb('http://192.168.77.5:3000'));
    expect(invitation.url).toBe(`https://bravo.example.com/invite/${invitation.token}`);
  });
});
