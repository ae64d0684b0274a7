import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from '@bravo/shared';
import { CurrentMember } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { LeaderboardQuery } from './leaderboard.dto';
import { LeaderboardService } from './leaderboard.service';
import { MemberLeaderboardResponse, TeamLeaderboardResponse } from './leaderboard.response';

@ApiTags('leaderboards')
@Controller('leaderboards')
export class LeaderboardController {
  constructor(private readonly boards: LeaderboardService) {}

  @Get('members')
  @ApiOkResponse({ type: MemberLeaderboardResponse })
  members(
    @CurrentMember() me: AuthMember,
    @Query() q: LeaderboardQuery,
  ): Promise<LeaderboardDto<MemberRankEntry>> {
    return this.boards.members(me, q, 'earned');
  }

  @Get('givers')
  @ApiOkResponse({ type: MemberLeaderboardResponse })
  givers(
    @CurrentMember() me: AuthMember,
    @Query() q: LeaderboardQuery,
  ): Promise<LeaderboardDto<MemberRankEntry>> {
    return this.boards.members(me, q, 'given');
  }

  @Get('teams')
  @ApiOkResponse({ type: TeamLeaderboardResponse })
  teams(
    @CurrentMember() me: AuthMember,
    @Query() q: LeaderboardQuery,
  ): Promise<LeaderboardDto<TeamRankEntry>> {
    return this.boards.teams(me, q);
  }
}
