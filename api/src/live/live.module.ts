import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DisplaysModule } from '../displays/displays.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { LiveGateway } from './live.gateway';
import { LiveStatsController } from './live-stats.controller';
import { LiveNotifier } from './live-notifier';
import { LiveRevocations } from './live-revocations';
import { liveReadProviders } from './live-reads';

@Module({
  imports: [AuthModule, DisplaysModule, OrganizationsModule],
  controllers: [LiveStatsController],
  providers: [LiveGateway, LiveNotifier, LiveRevocations, ...liveReadProviders],
})
export class LiveModule {}
