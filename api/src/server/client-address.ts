import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { WEB_CLIENT_HEADERS } from '@bravo/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The address per-IP limits key on: the browser's, as the web server names
     * it on its own calls, else `request.ip` (which follows TRUST_PROXY).
     */
    readonly clientAddress: string;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Adds `request.clientAddress`, computed only when read (login, rate limits). */
export function registerClientAddress(fastify: FastifyInstance, webApiSecret: string): void {
  const expected = digest(webApiSecret);
  fastify.decorateRequest('clientAddress', {
    getter(this: FastifyRequest): string {
      return addressFromWeb(this.headers, expected) ?? this.ip;
    },
  });
}

function addressFromWeb(headers: FastifyRequest['headers'], expectedSecret: Buffer): string | null {
  const secret = headers[WEB_CLIENT_HEADERS.secret];
  const address = headers[WEB_CLIENT_HEADERS.address];
  if (typeof secret !== 'string' || typeof address !== 'string' || isIP(address) === 0) {
    return null;
  }
  // Both digests are 32 bytes, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(secret), expectedSecret) ? address : null;
}
