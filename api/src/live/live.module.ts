import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DisplaysModule } from '../displays/displays.module';
import { KudosModule } from '../kudos/kudos.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { LiveGateway } from './live.gateway';
import { LiveNotifier } from './live-notifier';

@Module({
  imports: [
    AuthModule,
    DisplaysModule,
    KudosModule,
    LeaderboardModule,
    OrganizationsModule,
    PointsModule,
  ],
  providers: [LiveGateway, LiveNotifier],
})
export class LiveModule {}
