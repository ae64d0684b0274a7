import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FairPlayFlag } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { FairPlayQuery } from './fair-play.dto';
import { FairPlayService } from './fair-play.service';
import { FairPlayFlagResponse } from './fair-play.response';

@ApiTags('fair-play')
@RequireRole('admin')
@Controller('fair-play')
export class FairPlayController {
  constructor(private readonly fairPlay: FairPlayService) {}

  @Get('flags')
  @ApiOkResponse({ type: [FairPlayFlagResponse] })
  flags(@CurrentMember() me: AuthMember, @Query() q: FairPlayQuery): Promise<FairPlayFlag[]> {
    return this.fairPlay.flags(me.organizationId, q.period);
  }
}
