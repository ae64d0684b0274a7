import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthMember } from '../auth/auth-member';
import { Transactions } from '../database/transactions';
import { AuditService } from './audit.service';
import { AuditTrail } from './audit-trail';
import { splitResult } from './finish-after-commit';
import { AUDIT_ACTION, type AuditedRoute } from './audited.decorator';

type AuditedRequest = FastifyRequest & {
  member?: AuthMember;
  params: Record<string, string | undefined>;
};

/**
 * For routes marked `@Audited`: runs the handler in one transaction (the services'
 * own `Transactions.run` joins it) and appends the audit entry in that same
 * transaction, so the change and its entry commit together or not at all. A
 * failed action rolls back and leaves no entry. Retries re-run the whole action.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactions: Transactions,
    private readonly trail: AuditTrail,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<AuditedRoute | undefined>(AUDIT_ACTION, context.getHandler());
    if (!route || context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const run = this.transactions.run(async () => {
      const notes = this.trail.open();
      // `handle()` is called here so the handler runs in this transaction's context.
      const { value: result, complete } = splitResult(
        await lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
      const actor = request.member;
      if (actor && !notes.unchanged) {
        const named = route.targetParam ?? 'id';
        const paramId =
          request.params?.[named] ??
          stringField(request.body, named) ??
          (route.targetType === 'organization' ? actor.organizationId : undefined);
        await this.audit.record({
          actor,
          action: route.action,
          targetType: route.targetType,
          targetId: notes.targetId ?? paramId ?? idOf(result) ?? null,
          before: notes.before,
          after: 'after' in notes ? notes.after : result,
          requestId: String(request.id),
          ipAddress: request.clientAddress ?? null,
        });
      }
      return complete;
    });
    return from(run.then((complete) => complete()));
  }
}

const idOf = (result: unknown) => stringField(result, 'id');

function stringField(value: unknown, key: string): string | undefined {
  if (value && typeof value === 'object' && key in value) {
    const field = (value as Record<string, unknown>)[key];
    return typeof field === 'string' ? field : undefined;
  }
  return undefined;
}
