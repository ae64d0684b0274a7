import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  CreatedInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
  SessionDto,
} from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { CurrentMember, Public, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { setSessionCookie } from '../auth/session-cookie';
import { WebOrigin } from '../common/web-origin.decorator';
import { AcceptInvitationDto, CreateInvitationDto } from './invitation.dto';
import { InvitationsService } from './invitations.service';
import {
  CreatedInvitationResponse,
  InvitationPreviewResponse,
  InvitationResponse,
} from './invitation.response';
import { SessionResponse } from '../auth/session.response';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @RequireRole('admin')
  @Get()
  @ApiOkResponse({ type: [InvitationResponse] })
  list(@CurrentMember() me: AuthMember): Promise<InvitationDto[]> {
    return this.invitations.listPending(me.organizationId);
  }

  @RequireRole('admin')
  @Post()
  @ApiCreatedResponse({ type: CreatedInvitationResponse })
  create(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateInvitationDto,
    @WebOrigin() origin: string | undefined,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.create(me, dto, origin);
  }

  @RequireRole('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.invitations.revoke(me.organizationId, id);
  }

  @Public()
  @Get(':token')
  @ApiOkResponse({ type: InvitationPreviewResponse })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post(':token/accept')
  @ApiCreatedResponse({ type: SessionResponse })
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return setSessionCookie(reply, await this.invitations.accept(token, dto));
  }
}
