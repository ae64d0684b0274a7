import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DisplayLink } from './display.entity';
import { KudosModule } from '../kudos/kudos.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TeamsModule } from '../teams/teams.module';
import { DisplaysController } from './displays.controller';
import { DisplayGuard } from './display.guard';
import { DisplaysRepository } from './displays.repository';
import { DisplaysService } from './displays.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DisplayLink]),
    OrganizationsModule,
    TeamsModule,
    LeaderboardModule,
    KudosModule,
  ],
  controllers: [DisplaysController],
  providers: [DisplaysService, DisplaysRepository, DisplayGuard],
  exports: [DisplaysService],
})
export class DisplaysModule {}
