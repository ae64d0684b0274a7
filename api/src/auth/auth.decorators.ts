import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@bravo/shared';
import type { AuthMember } from './auth-member';

export const IS_PUBLIC = 'bravo:public';
export const MIN_ROLE = 'bravo:min-role';

/**
 * Each route's access also goes into the OpenAPI document as `x-min-role`, so
 * tests can check every route against what the code declares. A route without
 * it needs a session of any role, as the guard does.
 */
export const MIN_ROLE_EXTENSION = 'x-min-role';

/** The route needs no session (signup, login, invitation links, health). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(MIN_ROLE_EXTENSION, 'public'));

/** The caller needs at least this role (employee < manager < admin). */
export const RequireRole = (role: Role) =>
  applyDecorators(SetMetadata(MIN_ROLE, role), ApiExtension(MIN_ROLE_EXTENSION, role));

/** The authenticated caller. */
export const CurrentMember = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthMember =>
    ctx.switchToHttp().getRequest<{ member: AuthMember }>().member,
);
