import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import type { Clock } from '../common/clock';
import { answerFrameworkError } from '../common/framework-errors';
import { PinoNestLogger } from '../common/logger';
import { createValidationPipe } from '../common/validation';
import { WellFormedTextPipe } from '../common/well-formed-text';
import { RedisIoAdapter } from '../live/redis-io.adapter';
import { committedOpenApiDocument } from '../openapi/openapi-document';
import type { AppConfig } from '../config/app-config';
import { trustFunction } from '../config/trust-proxy';
import { registerClientAddress } from './client-address';
import { compressWeb, registerApiCompression } from './compression';
import { registerJsonBody } from './json-body';
import { registerSecurityHeaders } from './security-headers';
import { registerWebOrigin } from './web-origin';
import { registerMultipart } from '../uploads/multipart';
import { isApiPath, prepareWebRequest, type NodeHandler } from './web-handler';

const DOCS_PATH = 'api/docs';

/**
 * Builds the Nest application (not listening yet). Non-API requests go
 * straight to `web` before Fastify sees them, so SvelteKit reads its own bodies.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  web?: NodeHandler,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  const trust = trustFunction(config.TRUST_PROXY);
  const page = web && compressWeb(web);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per request is written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: answerFrameworkError,
    // Exactly the configured proxies; the web's own calls name the browser another way.
    trustProxy: config.TRUST_PROXY === false ? false : trust,
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
      createServer((req, res) => {
        if (!page || isApiPath(req.url)) {
          return handler(req, res);
        }
        prepareWebRequest(req, trust);
        page(req, res);
      }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, databaseUrl, clock),
    adapter,
    // Nest's own JSON and form parsers stay off: registerJsonBody is the only one.
    { logger: new PinoNestLogger(logger), bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBody(fastify);
  await registerMultipart(app);
  registerClientAddress(fastify, config.webApiSecret);
  registerWebOrigin(fastify, config.webApiSecret);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(new WellFormedTextPipe(), createValidationPipe());
  if (config.REDIS_URL) {
    const adapter = new RedisIoAdapter(app, config.REDIS_URL, config.REDIS_STREAM_NAME);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }

  // One line per request, only when it would be written: the hook costs even when filtered.
  if (logger.isLevelEnabled('info')) {
    fastify.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
      done();
    });
  }

  await registerSecurityHeaders(app, config, `/${DOCS_PATH}`);
  await registerApiCompression(app);
  SwaggerModule.setup(DOCS_PATH, app, committedOpenApiDocument(), {
    jsonDocumentUrl: 'api/openapi.json',
  });
  return app;
}
