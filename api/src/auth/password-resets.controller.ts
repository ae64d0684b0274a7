import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  PasswordResetLinkDto,
  PasswordResetPreviewDto,
  PasswordResetRequestedDto,
  SessionDto,
} from '@bravo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebOrigin } from '../common/web-origin.decorator';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, Public, RequireRole } from './auth.decorators';
import type { AuthMember } from './auth-member';
import {
  CreateResetLinkDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
} from './password-reset.dto';
import {
  PasswordResetLinkResponse,
  PasswordResetPreviewResponse,
  PasswordResetRequestedResponse,
} from './password-reset.response';
import { PasswordResetsService } from './password-resets.service';
import { setSessionCookie } from './session-cookie';
import { SessionResponse } from './session.response';

@ApiTags('auth')
@Controller('password-resets')
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResetsService) {}

  /** An admin's single-use link for a member who forgot their password. */
  @Audited('member.reset_link_created', 'memberId')
  @RequireRole('admin')
  @Post()
  @ApiCreatedResponse({ type: PasswordResetLinkResponse })
  create(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateResetLinkDto,
    @WebOrigin() origin: string | undefined,
  ): Promise<PasswordResetLinkDto> {
    return this.resets.createLink(me, dto.memberId, origin);
  }

  /** "I forgot my password": the same 202 whether or not the address has an account. */
  @Public()
  @Post('requests')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetRequestedResponse })
  request(
    @Body() dto: RequestPasswordResetDto,
    @Req() request: FastifyRequest,
  ): Promise<PasswordResetRequestedDto> {
    return this.resets.request(dto.email, request.clientAddress);
  }

  @Public()
  @Get(':token')
  @ApiOkResponse({ type: PasswordResetPreviewResponse })
  preview(@Param('token') token: string): Promise<PasswordResetPreviewDto> {
    return this.resets.preview(token);
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  async reset(
    @Param('token') token: string,
    @Body() dto: ResetPasswordDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return setSessionCookie(reply, await this.resets.reset(token, dto.password));
  }
}
