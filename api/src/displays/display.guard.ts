import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { DisplayLink } from './display.entity';
import { readDisplayToken } from './display-token';
import { DisplaysService, notConnected } from './displays.service';

interface DisplayRequest {
  headers: { authorization?: string };
  display?: DisplayLink;
}

/** For TV screens: the route needs `Authorization: Display <token>` of a link still open. */
@Injectable()
export class DisplayGuard implements CanActivate {
  constructor(private readonly displays: DisplaysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<DisplayRequest>();
    const token = readDisplayToken(request.headers.authorization);
    const display = token ? await this.displays.authenticate(token) : null;
    if (!display) {
      throw notConnected();
    }
    request.display = display;
    return true;
  }
}

/** The screen `DisplayGuard` let in. */
export const CurrentDisplay = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): DisplayLink =>
    ctx.switchToHttp().getRequest<{ display: DisplayLink }>().display,
);
