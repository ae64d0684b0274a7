import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommentDto, KudosDto, KudosPage, ReactionCount } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key.pipe';
import {
  CreateBoostDto,
  CreateCommentDto,
  CreateKudosDto,
  FeedQuery,
  ReactionDto,
} from './kudos.dto';
import { KudosFeedService } from './kudos-feed.service';
import { KudosSocialService } from './kudos-social.service';
import { KudosService } from './kudos.service';
import {
  CommentResponse,
  KudosPageResponse,
  KudosResponse,
  ReactionCountResponse,
} from './kudos.response';

@ApiTags('kudos')
@Controller('kudos')
export class KudosController {
  constructor(
    private readonly kudos: KudosService,
    private readonly feed: KudosFeedService,
    private readonly social: KudosSocialService,
  ) {}

  /** 201 for a replay too: it answers as the first request did. */
  @Post()
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: KudosResponse })
  give(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateKudosDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<KudosDto> {
    return this.kudos.give(me, dto, key);
  }

  @Get()
  @ApiOkResponse({ type: KudosPageResponse })
  list(@CurrentMember() me: AuthMember, @Query() query: FeedQuery): Promise<KudosPage> {
    return this.feed.feed(me, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: KudosResponse })
  get(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<KudosDto> {
    return this.feed.get(me, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  withdraw(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.kudos.withdraw(me, id);
  }

  @Audited('kudos.hidden')
  @RequireRole('admin')
  @Post(':id/hide')
  @HttpCode(204)
  @ApiNoContentResponse()
  hide(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.kudos.hide(me, id);
  }

  @Post(':id/boosts')
  @ApiCreatedResponse({ type: KudosResponse })
  boost(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateBoostDto,
  ): Promise<KudosDto> {
    return this.kudos.boost(me, id, dto);
  }

  @Post(':id/reactions')
  @HttpCode(200)
  @ApiOkResponse({ type: [ReactionCountResponse] })
  react(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReactionDto,
  ): Promise<ReactionCount[]> {
    return this.social.react(me, id, dto.emoji);
  }

  @Delete(':id/reactions')
  @ApiOkResponse({ type: [ReactionCountResponse] })
  unreact(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReactionDto,
  ): Promise<ReactionCount[]> {
    return this.social.unreact(me, id, dto.emoji);
  }

  @Get(':id/comments')
  @ApiOkResponse({ type: [CommentResponse] })
  comments(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CommentDto[]> {
    return this.social.comments(me, id);
  }

  @Post(':id/comments')
  @ApiCreatedResponse({ type: CommentResponse })
  comment(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.social.comment(me, id, dto.body);
  }
}
