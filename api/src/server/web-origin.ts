import { WEB_CLIENT_HEADERS } from '@bravo/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseWebOrigin } from '../common/public-origin';
import { digest, fromWebServer } from './client-address';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The origin the browser is using (`http://192.168.1.20:3000`), as Bravo's
     * web server names it on its own calls; undefined from anyone else, so a
     * forged Host or header sent to the API cannot steer the links it makes.
     */
    readonly webOrigin: string | undefined;
  }
}

/** Adds `request.webOrigin`, computed only when read (links to share). */
export function registerWebOrigin(fastify: FastifyInstance, webApiSecret: string): void {
  const expected = digest(webApiSecret);
  fastify.decorateRequest('webOrigin', {
    getter(this: FastifyRequest): string | undefined {
      const origin = this.headers[WEB_CLIENT_HEADERS.origin];
      if (typeof origin !== 'string' || !fromWebServer(this.headers, expected)) {
        return undefined;
      }
      return parseWebOrigin(origin)?.origin;
    },
  });
}
