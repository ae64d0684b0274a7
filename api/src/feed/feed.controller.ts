import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FeedPageDto } from '@bravo/shared';
import { CurrentMember } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { FeedQuery } from '../kudos/kudos.dto';
import { FeedPageResponse } from './feed.response';
import { FeedService } from './feed.service';

@ApiTags('feed')
@Controller('feed')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  /**
   * The home feed: kudos, badges earned and customers' approved praise, newest first, with
   * the filters of `GET /kudos`.
   */
  @Get()
  @ApiOkResponse({ type: FeedPageResponse })
  page(@CurrentMember() me: AuthMember, @Query() query: FeedQuery): Promise<FeedPageDto> {
    return this.feed.page(me, query);
  }
}
