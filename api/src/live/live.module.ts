import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { MissionsModule } from '../missions/missions.module';
import { AuthModule } from '../auth/auth.module';
import { DisplaysModule } from '../displays/displays.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { PraiseModule } from '../praise/praise.module';
import { DisplayPresence } from './display-presence';
import { LiveGateway } from './live.gateway';
import { LiveStatsController } from './live-stats.controller';
import { LiveNotifier } from './live-notifier';
import { LiveRevocations } from './live-revocations';

@Module({
  imports: [
    AuthModule,
    DisplaysModule,
    LeaderboardModule,
    MembersModule,
    MissionsModule,
    OrganizationsModule,
    PointsModule,
    PraiseModule,
  ],
  controllers: [LiveStatsController],
  providers: [LiveGateway, LiveNotifier, LiveRevocations, DisplayPresence],
})
export class LiveModule {}
