import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DisplaysModule } from '../displays/displays.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { LiveGateway } from './live.gateway';
import { LiveNotifier } from './live-notifier';
import { liveReadProviders } from './live-reads';

@Module({
  imports: [AuthModule, DisplaysModule, OrganizationsModule],
  providers: [LiveGateway, LiveNotifier, ...liveReadProviders],
})
export class LiveModule {}
