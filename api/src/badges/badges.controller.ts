import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BadgeDto, BadgePreviewDto, MemberBadgesDto } from '@bravo/shared';
import { Audited, NotAudited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { BadgeRuleBody, CreateBadgeDto, UpdateBadgeDto } from './badge.dto';
import { BadgePreviewResponse, BadgeResponse, MemberBadgesResponse } from './badge.response';
import { BadgesService } from './badges.service';

@ApiTags('badges')
@Controller()
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  /** The organisation's active badges. */
  @Get('badges')
  @ApiOkResponse({ type: [BadgeResponse] })
  list(@CurrentMember() me: AuthMember): Promise<BadgeDto[]> {
    return this.badges.list(me.organizationId);
  }

  /** Creates a badge and awards it at once to everyone who already qualifies. */
  @Audited('badge.created')
  @RequireRole('admin')
  @Post('badges')
  @ApiCreatedResponse({ type: BadgeResponse })
  create(@CurrentMember() me: AuthMember, @Body() dto: CreateBadgeDto): Promise<BadgeDto> {
    return this.badges.create(me, dto);
  }

  /** Who would earn this rule now: nothing is written. */
  @NotAudited('a preview: writes nothing')
  @RequireRole('admin')
  @Post('badges/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: BadgePreviewResponse })
  preview(@CurrentMember() me: AuthMember, @Body() dto: BadgeRuleBody): Promise<BadgePreviewDto> {
    return this.badges.preview(me, dto);
  }

  @Get('badges/:id')
  @ApiOkResponse({ type: BadgeResponse })
  get(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<BadgeDto> {
    return this.badges.get(me.organizationId, id);
  }

  /** A changed rule or reactivation awards whoever now qualifies; other edits award nothing. */
  @Audited('badge.updated')
  @RequireRole('admin')
  @Patch('badges/:id')
  @ApiOkResponse({ type: BadgeResponse })
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBadgeDto,
  ): Promise<BadgeDto> {
    return this.badges.update(me, id, dto);
  }

  /** Stops listing and awarding it; awards already made stay. */
  @Audited('badge.deactivated')
  @RequireRole('admin')
  @Post('badges/:id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: BadgeResponse })
  deactivate(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BadgeDto> {
    return this.badges.deactivate(me, id);
  }

  /** A colleague's earned badges and progress toward the others. */
  @Get('members/:id/badges')
  @ApiOkResponse({ type: MemberBadgesResponse })
  ofMember(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MemberBadgesDto> {
    return this.badges.ofMember(me, id);
  }
}
