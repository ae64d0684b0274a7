import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainException } from '../common/domain-exception';
import { jsonShapeExcess } from '../common/json-shape';
import { JSON_BODY_LIMITS } from './json-body-limits';

type JsonParser = (
  request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/**
 * The API's only body parser: JSON, bounded in size, keys and depth before
 * anything walks it. Any other content type is a 415 — a form or text/plain
 * body is what a cross-site page can send without a CORS preflight. Upload
 * routes alone also read multipart bodies (`uploads/multipart.ts`).
 */
export function registerJsonBody(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  // Fastify's own parser: secure-json-parse, refusing __proto__ and constructor poisoning.
  const parseJson = fastify.getDefaultJsonParser('error', 'error') as JsonParser;
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMITS.bytes },
    (request, body: string, done) =>
      parseJson(request, body, (error, value) => {
        const excess = error ? null : jsonShapeExcess(value, JSON_BODY_LIMITS);
        done(error ?? (excess ? tooComplex(excess) : null), value);
      }),
  );
  // `@BodyLimit(bytes)` puts the route's own limit in its config; Fastify reads it from here.
  fastify.addHook('onRoute', (route) => {
    const config = route.config as { bodyLimit?: unknown } | undefined;
    if (typeof config?.bodyLimit === 'number') {
      route.bodyLimit = config.bodyLimit;
    }
  });
}

function tooComplex(excess: 'keys' | 'depth'): DomainException {
  const message =
    excess === 'keys'
      ? `The request body has too many fields (at most ${JSON_BODY_LIMITS.keys} fields and items).`
      : `The request body is nested too deeply (at most ${JSON_BODY_LIMITS.depth} levels).`;
  return new DomainException('validation_failed', message);
}
