import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import type { Clock } from '../common/clock';
import { PinoNestLogger } from '../common/logger';
import { createValidationPipe } from '../common/validation';
import { RedisIoAdapter } from '../live/redis-io.adapter';
import type { AppConfig } from '../config/app-config';
import { registerJsonBody } from './json-body';
import { isApiPath, type NodeHandler } from './web-handler';

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
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per request is written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    // The web's server-side calls come from loopback and name the browser in X-Forwarded-For.
    trustProxy: config.TRUST_PROXY ? true : ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
      createServer((req, res) => {
        if (!web || isApiPath(req.url)) {
          return handler(req, res);
        }
        if (!config.TRUST_PROXY || !req.headers['x-forwarded-proto']) {
          req.headers['x-forwarded-proto'] = 'http';
        }
        web(req, res);
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
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
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

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Bravo API')
      .setDescription('Recognition, points and leaderboards for small businesses.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('bravo_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
