import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LEADERBOARD_PERIODS, LIMITS, type LeaderboardPeriod } from '@bravo/shared';

export class LeaderboardQuery {
  @ApiPropertyOptional({ default: 'month' })
  @IsOptional()
  @IsIn(LEADERBOARD_PERIODS, { message: `period must be one of ${LEADERBOARD_PERIODS.join(', ')}` })
  period: LeaderboardPeriod = 'month';

  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string;

  @ApiPropertyOptional({ default: LIMITS.leaderboardLimitDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.leaderboardLimitMax)
  limit: number = LIMITS.leaderboardLimitDefault;
}
