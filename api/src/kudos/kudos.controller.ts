import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  LIMITS,
  type CommentDto as CommentView,
  type KudosDto,
  type KudosPage,
  type ReactionCount,
} from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { invalid } from '../common/domain-exception';
import { BoostDto, CommentDto, CreateKudosDto, FeedQuery, ReactionDto } from './kudos.dto';
import { KudosFeedService } from './kudos-feed.service';
import { KudosSocialService } from './kudos-social.service';
import { KudosService } from './kudos.service';

@ApiTags('kudos')
@Controller('kudos')
export class KudosController {
  constructor(
    private readonly kudos: KudosService,
    private readonly feed: KudosFeedService,
    private readonly social: KudosSocialService,
  ) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Replaying the same key returns the first result.',
  })
  async give(
    @CurrentMember() me: AuthMember,
    @Body() dto: CreateKudosDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KudosDto> {
    if (key !== undefined && (key.length === 0 || key.length > LIMITS.idempotencyKeyMax)) {
      throw invalid(
        'Idempotency-Key',
        key.length === 0 ? 'required' : 'too_long',
        `Idempotency-Key must be 1 to ${LIMITS.idempotencyKeyMax} characters`,
        key.length === 0 ? {} : { max: LIMITS.idempotencyKeyMax },
      );
    }
    const outcome = await this.kudos.give(me, dto, key);
    void reply.status(outcome.status);
    return outcome.body;
  }

  @Get()
  list(@CurrentMember() me: AuthMember, @Query() query: FeedQuery): Promise<KudosPage> {
    return this.feed.feed(me, query);
  }

  @Get(':id')
  get(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<KudosDto> {
    return this.feed.get(me, id);
  }

  @Delete(':id')
  @HttpCode(204)
  withdraw(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.kudos.withdraw(me, id);
  }

  @RequireRole('admin')
  @Post(':id/hide')
  @HttpCode(204)
  hide(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.kudos.hide(me, id);
  }

  @Post(':id/boosts')
  boost(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: BoostDto,
  ): Promise<KudosDto> {
    return this.kudos.boost(me, id, dto);
  }

  @Post(':id/reactions')
  @HttpCode(200)
  react(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReactionDto,
  ): Promise<ReactionCount[]> {
    return this.social.react(me, id, dto.emoji);
  }

  @Delete(':id/reactions')
  unreact(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReactionDto,
  ): Promise<ReactionCount[]> {
    return this.social.unreact(me, id, dto.emoji);
  }

  @Get(':id/comments')
  comments(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CommentView[]> {
    return this.social.comments(me, id);
  }

  @Post(':id/comments')
  comment(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommentDto,
  ): Promise<CommentView> {
    return this.social.comment(me, id, dto.body);
  }
}
