import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@bravo/shared';
import type { AuthMember } from './auth-member';

export const IS_PUBLIC = 'bravo:public';
export const MIN_ROLE = 'bravo:min-role';

/** The route needs no session (signup, login, invitation links, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs at least this role (employee < manager < admin). */
export const RequireRole = (role: Role) => SetMetadata(MIN_ROLE, role);

/** The authenticated caller. */
export const CurrentMember = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthMember =>
    ctx.switchToHttp().getRequest<{ member: AuthMember }>().member,
);
