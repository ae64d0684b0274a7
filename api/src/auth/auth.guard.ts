import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@bravo/shared';
import { DomainException, forbidden } from '../common/domain-exception';
import { IS_PUBLIC, MIN_ROLE } from './auth.decorators';
import { type AuthMember, hasRole } from './auth-member';
import { readSessionToken } from './session-token';
import { SessionsService } from './sessions.service';

interface GuardedRequest {
  headers: { authorization?: string; cookie?: string };
  member?: AuthMember;
}

/** Global: every route needs a session unless marked @Public(), and the role it declares. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = readSessionToken(request.headers);
    const member = token ? await this.sessions.authenticate(token) : null;
    if (!member) {
      throw new DomainException(401, 'unauthenticated', 'Please log in.');
    }
    request.member = member;
    const minimum = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minimum && !hasRole(member, minimum)) {
      throw forbidden();
    }
    return true;
  }
}
