import { Module } from '@nestjs/common';
import { KudosModule } from '../kudos/kudos.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DisplaysController } from './displays.controller';
import { DisplaysService } from './displays.service';

@Module({
  imports: [OrganizationsModule, LeaderboardModule, KudosModule],
  controllers: [DisplaysController],
  providers: [DisplaysService],
  exports: [DisplaysService],
})
export class DisplaysModule {}
