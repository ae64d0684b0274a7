import proxyAddr from '@fastify/proxy-addr';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WEB_CLIENT_HEADERS } from '@bravo/shared';
import type { TrustFunction } from '../config/trust-proxy';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * The SvelteKit adapter-node build as a plain Node handler, or a page that
 * says how to build it when it is missing.
 */
export async function loadWebHandler(
  buildDir: string,
  webApiSecret: string,
): Promise<{ handler: NodeHandler; built: boolean }> {
  const file = resolve(buildDir, 'handler.js');
  if (!existsSync(file)) {
    return { handler: notBuilt, built: false };
  }
  // adapter-node reads these at import: take the origin from the request's Host and
  // X-Forwarded-Proto (set by createApp), so form-action CSRF checks work on any host name.
  // A photo handed in through a form: the API's 5 MB image, its caption and the multipart framing
  // (adapter-node's default, 512 KB, would refuse it before the action runs).
  process.env.BODY_SIZE_LIMIT ??= '6M';
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  process.env.HOST_HEADER ??= 'host';
  // getClientAddress() reads the address prepareWebRequest wrote, after the proxy rules.
  process.env.ADDRESS_HEADER = WEB_CLIENT_HEADERS.address;
  // The web's server-side API calls send it with that address (api-client.ts).
  process.env.WEB_API_SECRET = webApiSecret;
  const module = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return { handler: module.handler, built: true };
}

/**
 * What the web needs to know of the request that only the proxy rules can
 * tell: the protocol and the browser's address, each overwriting whatever the
 * client sent unless a trusted proxy sent it.
 */
export function prepareWebRequest(req: IncomingMessage, trust: TrustFunction): void {
  if (!req.headers['x-forwarded-proto'] || !trust(req.socket.remoteAddress ?? '', 0)) {
    req.headers['x-forwarded-proto'] = 'http';
  }
  req.headers[WEB_CLIENT_HEADERS.address] = proxyAddr(req, trust);
}

export const notBuilt: NodeHandler = (_req, res) => {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('The Bravo web app is not built yet. Run `npm run build` (npm start does it for you).\n');
};

/** `/api/*` and `/socket.io/*` belong to Nest; everything else is the web app. */
export function isApiPath(url: string | undefined): boolean {
  return (
    !!url &&
    (url === '/api' ||
      url.startsWith('/api/') ||
      url.startsWith('/api?') ||
      url.startsWith('/socket.io/'))
  );
}
