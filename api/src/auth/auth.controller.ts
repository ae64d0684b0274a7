import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SessionDto } from '@bravo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentMember, Public } from './auth.decorators';
import type { AuthMember } from './auth-member';
import { ChangePasswordDto, LoginDto, SignupDto } from './auth.dto';
import { AuthService } from './auth.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionResponse } from './session.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiCreatedResponse({ type: SessionResponse })
  async signup(
    @Body() dto: SignupDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return setSessionCookie(reply, await this.auth.signup(dto));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return setSessionCookie(reply, await this.auth.login(dto, request.clientAddress));
  }

  /** Needs the current password; ends the caller's other logins, keeps this one. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse()
  changePassword(
    @CurrentMember() me: AuthMember,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.auth.changePassword(me, dto, request.clientAddress);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(
    @CurrentMember() me: AuthMember,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(me.sessionId);
    clearSessionCookie(reply);
  }
}
