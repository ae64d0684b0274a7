import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { LeaderboardController } from './leaderboard.controller';
import { LeaderboardQueries } from './leaderboard.queries';
import { LeaderboardService } from './leaderboard.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [LeaderboardController],
  providers: [LeaderboardQueries, LeaderboardService],
  exports: [LeaderboardService],
})
export class LeaderboardModule {}
