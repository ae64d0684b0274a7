import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import compression from 'compression';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import type { NodeHandler } from './web-handler';

/** The middleware as it is: typed for Express, it only uses Node's request and response. */
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Below this many bytes an answer goes out as it is: compressing it saves less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli (else gzip) for API answers above the threshold. Socket.io's
 * polling and websocket traffic never reaches Fastify's routes, so it is untouched.
 */
export async function registerApiCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(compress, { threshold: COMPRESSION_THRESHOLD, encodings: ['br', 'gzip'] });
}

/**
 * The same for the SvelteKit handler, which answers before Fastify sees the
 * request. Every write is flushed, so a streamed page still arrives piece by
 * piece; assets adapter-node precompressed at build time are sent as they are.
 */
export function compressWeb(web: NodeHandler): NodeHandler {
  const middleware = compression({
    threshold: COMPRESSION_THRESHOLD,
    flush: constants.Z_SYNC_FLUSH,
    brotli: { flush: constants.BROTLI_OPERATION_FLUSH },
  }) as unknown as Middleware;
  return (req, res) => middleware(req, res, () => web(req, res));
}
