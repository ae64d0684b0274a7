import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from './database-unavailable';
import { isDatabaseUnavailable } from './database-errors';
import { DomainException } from './domain-exception';
import { codeForStatus, ERROR_STATUS } from './error-status';

const FASTIFY_MESSAGES: Record<number, string> = {
  400: 'The request body is not valid JSON.',
  413: 'The request body is too large.',
  415: 'The API accepts only application/json request bodies.',
};

/** Turns every error into `{ statusCode, code, message, details? }`; never a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.code === 'database_unavailable') {
      // An outage is not a bug: one line, no stack, and a hint when to come back.
      const cause = exception instanceof Error ? exception.message : String(exception);
      this.logger.warn(`database unavailable: ${cause}`);
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    const known = isDatabaseUnavailable(exception) ? databaseUnavailable() : exception;
    if (known instanceof DomainException) {
      return {
        statusCode: known.status,
        code: known.code,
        ...(known.params ? { params: known.params } : {}),
        message: known.message,
        ...(known.details ? { details: known.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return {
        statusCode,
        code: codeForStatus(statusCode),
        message:
          statusCode < 500 ? readableMessage(exception) : 'Something went wrong on our side.',
      };
    }
    // Fastify's own errors (malformed JSON, body too large) carry a 4xx statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        code: codeForStatus(status),
        message: FASTIFY_MESSAGES[status] ?? (exception as Error).message,
      };
    }
    if (
      exception instanceof QueryFailedError &&
      (exception.driverError as { code?: string })?.code === '23505'
    ) {
      return {
        statusCode: ERROR_STATUS.conflict,
        code: 'conflict',
        message: 'This already exists.',
      };
    }
    return {
      statusCode: ERROR_STATUS.internal_error,
      code: 'internal_error',
      message: 'Something went wrong on our side.',
    };
  }
}

function readableMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') {
    return response;
  }
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) {
    return message.join('; ');
  }
  return typeof message === 'string' ? message : exception.message;
}
