import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/** What the browser gets for HTTPS once it has seen Bravo over TLS: a year, subdomains included. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every API answer, errors included (web pages are served
 * by SvelteKit before Fastify sees them and get their own). JSON needs no
 * scripts, styles or frames, so its CSP allows nothing; the Swagger UI under
 * `/api/docs` gets a policy for its own files.
 */
export async function registerSecurityHeaders(
  app: NestFastifyApplication,
  config: AppConfig,
  docsPath: string,
): Promise<void> {
  const frameAncestors = config.FRAME_ANCESTORS.length ? config.FRAME_ANCESTORS : ["'none'"];
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRoute', (route) => {
    if (route.url === docsPath || route.url.startsWith(`${docsPath}/`)) {
      route.config = {
        ...route.config,
        helmet: {
          contentSecurityPolicy: {
            useDefaults: false,
            directives: {
              defaultSrc: ["'none'"],
              scriptSrc: ["'self'"],
              // The UI sets inline styles on its elements; scripts stay 'self' only.
              styleSrc: ["'self'", "'unsafe-inline'"],
              imgSrc: ["'self'", 'data:'],
              connectSrc: ["'self'"],
              baseUri: ["'none'"],
              formAction: ["'self'"],
              frameAncestors,
            },
          },
        },
        // @fastify/helmet reads it from the route's config, which its types do not declare.
      } as typeof route.config;
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors,
      },
    },
    // X-Frame-Options cannot name origins: with allowed framers, frame-ancestors alone decides.
    xFrameOptions: config.FRAME_ANCESTORS.length ? false : { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Sent only over TLS (below): behind a proxy only the forwarded protocol tells.
    strictTransportSecurity: false,
  });

  // request.protocol reads X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY).
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.protocol === 'https') {
      void reply.header('strict-transport-security', HSTS);
    }
    done();
  });
}
