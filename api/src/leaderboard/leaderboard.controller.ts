import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from '@bravo/shared';
import { CurrentMember } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { LeaderboardQuery } from './leaderboard.dto';
import { LeaderboardService } from './leaderboard.service';

@ApiTags('leaderboards')
@Controller('leaderboards')
export class LeaderboardController {
  constructor(private readonly boards: LeaderboardService) {}

  @Get('members')
  members(
    @CurrentMember() me: AuthMember,
    @Query() q: LeaderboardQuery,
  ): Promise<LeaderboardDto<MemberRankEntry>> {
    return this.boards.members(me, q, 'earned');
  }

  @Get('givers')
  givers(
    @CurrentMember() me: AuthMember,
    @Query() q: LeaderboardQuery,
  ): Promise<LeaderboardDto<MemberRankEntry>> {
    return this.boards.members(me, q, 'given');
  }

  @Get('teams')
  teams(
    @CurrentMember() me: AuthMember,
    @Query() q: LeaderboardQuery,
  ): Promise<LeaderboardDto<TeamRankEntry>> {
    return this.boards.teams(me, q);
  }
}
