import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PraiseCardDto, PraiseDto, ReviewPraiseDto } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { forbidden } from '../common/domain-exception';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key.pipe';
import { WebOrigin } from '../common/web-origin.decorator';
import { PraiseCards } from './praise-cards.service';
import {
  ApprovePraiseInput,
  PraiseCardsQuery,
  RecordPraiseInput,
  RejectPraiseInput,
} from './praise.dto';
import {
  PraiseCardPageResponse,
  PraisePageCodeResponse,
  PraiseResponse,
  ReviewPraiseResponse,
} from './praise.response';
import { PraiseService } from './praise.service';
import { PublicPraiseService } from './public-praise.service';

@ApiTags('praise')
@Controller('praise')
export class PraiseController {
  constructor(
    private readonly praise: PraiseService,
    private readonly pages: PublicPraiseService,
    private readonly cards: PraiseCards,
  ) {}

  /** Records what a customer said (pending until a manager of the team approves it); 201 for a replay too. */
  @Post()
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: PraiseResponse })
  record(
    @CurrentMember() me: AuthMember,
    @Body() input: RecordPraiseInput,
    @IdempotencyKey() key: string | undefined,
  ): Promise<PraiseDto> {
    return this.praise.record(me, input, key);
  }

  /** Approved stories of the organisation (those naming `memberId`), newest approval first. */
  @Get('cards')
  @ApiOkResponse({ type: PraiseCardPageResponse })
  cardPage(
    @CurrentMember() me: AuthMember,
    @Query() query: PraiseCardsQuery,
  ): Promise<{ items: PraiseCardDto[]; nextCursor: string | null }> {
    return this.cards.page(me.organizationId, query);
  }

  /** The review queue: stories of the caller's teams (an admin: all), oldest first. */
  @RequireRole('manager')
  @Get('pending')
  @ApiOkResponse({ type: [ReviewPraiseResponse] })
  pending(@CurrentMember() me: AuthMember): Promise<ReviewPraiseDto[]> {
    return this.praise.queue(me);
  }

  /** Awards the praise points to each named employee, from the company, once. */
  @Audited('praise.approved')
  @RequireRole('manager')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: ReviewPraiseResponse })
  approve(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: ApprovePraiseInput,
    @IdempotencyKey() key: string | undefined,
  ): Promise<ReviewPraiseDto> {
    return this.praise.approve(me, id, input.valueId, key);
  }

  @Audited('praise.rejected')
  @RequireRole('manager')
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewPraiseResponse })
  reject(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: RejectPraiseInput,
  ): Promise<ReviewPraiseDto> {
    return this.praise.reject(me, id, input.reason);
  }

  /** A team's public praise page (`/p/<code>`, its QR poster): code and link; made on first ask. */
  @RequireRole('manager')
  @Get('pages/:teamId')
  @ApiOkResponse({ type: PraisePageCodeResponse })
  async pageOf(
    @CurrentMember() me: AuthMember,
    @Param('teamId', ParseUUIDPipe) teamId: string,
    @WebOrigin() origin: string | undefined,
  ): Promise<PraisePageCodeResponse> {
    if (me.role !== 'admin' && !me.managedTeamIds.includes(teamId)) {
      throw forbidden('Only a manager of the team, or an admin, can print its praise poster.');
    }
    return this.pages.linkOf(me.organizationId, teamId, origin);
  }
}
