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

/** The secret's digest, compared by `fromWebServer`. */
export const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether a call carries the secret Bravo's web server shares with the API. */
export function fromWebServer(headers: FastifyRequest['headers'], expectedSecret: Buffer): boolean {
  const secret = headers[WEB_CLIENT_HEADERS.secret];
  // Both digests are 32 bytes, so the comparison takes the same time whatever was sent.
  return typeof secret === 'string' && timingSafeEqual(digest(secret), expectedSecret);
}

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
  const address = headers[WEB_CLIENT_HEADERS.address];
  if (typeof address !== 'string' || isIP(address) === 0) {
    return null;
  }
  return fromWebServer(headers, expectedSecret) ? address : null;
}
