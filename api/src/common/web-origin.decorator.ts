import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The origin the admin's browser is using, when Bravo's web server vouches for it. */
export const WebOrigin = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<FastifyRequest>().webOrigin,
);
