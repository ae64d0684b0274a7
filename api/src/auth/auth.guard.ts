import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@bravo/shared';
import { DomainException, forbidden } from '../common/domain-exception';
import { isOwnOrigin } from '../common/same-origin';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IS_PUBLIC, MIN_ROLE } from './auth.decorators';
import { type AuthMember, hasRole } from './auth-member';
import { readSessionToken } from './session-token';
import { SessionsService } from './sessions.service';

interface GuardedRequest {
  method: string;
  headers: {
    authorization?: string;
    cookie?: string;
    origin?: string;
    host?: string;
    'sec-fetch-site'?: string;
  };
  member?: AuthMember;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Global: every route needs a session unless marked @Public(), and the role it declares. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = readSessionToken(request.headers);
    if (token && this.isCrossSiteCookieChange(request)) {
      throw new DomainException(
        'cross_site_request',
        'This request did not come from Bravo’s own pages, so it was refused.',
      );
    }
    const member = token ? await this.sessions.authenticate(token) : null;
    if (!member) {
      throw new DomainException('unauthenticated', 'Please log in.');
    }
    request.member = member;
    const minimum = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minimum && !hasRole(member, minimum)) {
      throw forbidden();
    }
    return true;
  }

  /**
   * CSRF: the browser sends the cookie with any same-site request, so a change
   * made with it must come from Bravo's own pages. Bearer clients are exempt:
   * no page can make a browser send their header.
   */
  private isCrossSiteCookieChange(request: GuardedRequest): boolean {
    // readSessionToken falls back to the cookie only when there is no bearer header.
    const byCookie = !request.headers.authorization?.startsWith('Bearer ');
    return (
      byCookie &&
      !READ_METHODS.has(request.method) &&
      !isOwnOrigin(request.headers, this.config.publicUrl)
    );
  }
}
