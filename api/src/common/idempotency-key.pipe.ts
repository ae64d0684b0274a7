import {
  createParamDecorator,
  Injectable,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { LIMITS } from '@bravo/shared';
import type { FastifyRequest } from 'fastify';
import { invalid } from './domain-exception';

/** Visible ASCII only: the key is stored and compared as sent, so no look-alike or invisible characters. */
const KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${LIMITS.idempotencyKeyMax}}$`);

/** An absent header is no key; a present one must be 1–200 visible ASCII characters, or it is a 400. */
@Injectable()
export class IdempotencyKeyPipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown): string | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
      const text = typeof value === 'string' ? value : '';
      const [code, params] =
        text.length === 0
          ? (['required', {}] as const)
          : text.length > LIMITS.idempotencyKeyMax
            ? (['too_long', { max: LIMITS.idempotencyKeyMax }] as const)
            : (['invalid_characters', {}] as const);
      throw invalid(
        'Idempotency-Key',
        code,
        `Idempotency-Key must be 1 to ${LIMITS.idempotencyKeyMax} visible ASCII characters`,
        params,
      );
    }
    return value;
  }
}

const idempotencyKeyHeader = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): unknown =>
    ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'],
);

/** The request's validated `Idempotency-Key` header, or undefined when none was sent. */
export const IdempotencyKey = (): ParameterDecorator => idempotencyKeyHeader(IdempotencyKeyPipe);

/** Documents the optional `Idempotency-Key` header of a route that honours it. */
export const ApiIdempotencyKey = (
  description = 'Replaying the same key returns the first result.',
): MethodDecorator => ApiHeader({ name: 'Idempotency-Key', required: false, description });
