import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DisplayLink } from './display.entity';
import { KudosModule } from '../kudos/kudos.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DisplaysController } from './displays.controller';
import { DisplaysService } from './displays.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DisplayLink]),
    OrganizationsModule,
    LeaderboardModule,
    KudosModule,
  ],
  controllers: [DisplaysController],
  providers: [DisplaysService],
  exports: [DisplaysService],
})
export class DisplaysModule {}
