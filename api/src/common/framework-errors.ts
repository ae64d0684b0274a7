import type { ApiErrorBody } from '@bravo/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What Fastify refuses before any route runs — an address it cannot decode
 * (`/teams/%`), a path parameter too long — in Bravo's error shape: Nest's
 * filter never sees these.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const statusCode = error.statusCode ?? 400;
  const body: ApiErrorBody =
    statusCode < 500
      ? { statusCode, code: 'validation_failed', message: 'This address is not valid.' }
      : { statusCode, code: 'internal_error', message: 'Something went wrong on our side.' };
  void reply.status(statusCode).send(body);
}
