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
  BulkInvitationPreviewDto,
  BulkInvitationResultDto,
  CreatedInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
  SessionDto,
} from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { Audited, NotAudited } from '../audit/audited.decorator';
import { CurrentMember, Public, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { setSessionCookie } from '../auth/session-cookie';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key.pipe';
import { WebOrigin } from '../common/web-origin.decorator';
import { BulkInvitationsService } from './bulk-invitations.service';
import { AcceptInvitationDto, BulkInvitationDto, CreateInvitationDto } from './invitation.dto';
import { InvitationsService } from './invitations.service';
import {
  BulkInvitationPreviewResponse,
  BulkInvitationResultResponse,
  CreatedInvitationResponse,
  InvitationPreviewResponse,
  InvitationResponse,
} from './invitation.response';
import { SessionResponse } from '../auth/session.response';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly bulk: BulkInvitationsService,
  ) {}

  @RequireRole('admin')
  @Get()
  @ApiOkResponse({ type: [InvitationResponse] })
  list(@CurrentMember() me: AuthMember): Promise<InvitationDto[]> {
    return this.invitations.listPending(me.organizationId);
  }

  @Audited('invitation.created')
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

  /** What pasted lines would create, with each line's problems; creates nothing. */
  @NotAudited('a preview: writes nothing')
  @RequireRole('admin')
  @Post('bulk/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkInvitationPreviewResponse })
  previewBulk(
    @CurrentMember() me: AuthMember,
    @Body() dto: BulkInvitationDto,
  ): Promise<BulkInvitationPreviewDto> {
    return this.bulk.preview(me, dto);
  }

  /** Creates every line's invitation, or none (422) when a line has a problem. */
  @Audited('invitation.bulk_created')
  @RequireRole('admin')
  @Post('bulk')
  @ApiIdempotencyKey('Repeats with the same key answer the first result (without links).')
  @ApiCreatedResponse({ type: BulkInvitationResultResponse })
  createBulk(
    @CurrentMember() me: AuthMember,
    @Body() dto: BulkInvitationDto,
    @IdempotencyKey() key: string | undefined,
    @WebOrigin() origin: string | undefined,
  ): Promise<BulkInvitationResultDto> {
    return this.bulk.create(me, dto, key, origin);
  }

  @Audited('invitation.revoked')
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
