import { RouteConfig } from '@nestjs/platform-fastify';

/**
 * Raises the body size limit of one route above the default
 * (`JSON_BODY_LIMITS.bytes`), e.g. `@BodyLimit(2 * 1024 * 1024)` on an import
 * route. Key and depth limits still apply to its JSON.
 */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });
