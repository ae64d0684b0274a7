import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BadgesModule } from '../badges/badges.module';
import { MembersModule } from '../members/members.module';
import { MissionsModule } from '../missions/missions.module';
import { PraiseModule } from '../praise/praise.module';
import { DisplayLink } from './display.entity';
import { DisplayPairing } from './display-pairing.entity';
import { PairingController } from './pairing.controller';
import { PairingService } from './pairing.service';
import { PairingThrottle } from './pairing-throttle';
import { PairingsRepository } from './pairings.repository';
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
    TypeOrmModule.forFeature([DisplayLink, DisplayPairing]),
    OrganizationsModule,
    TeamsModule,
    LeaderboardModule,
    KudosModule,
    MissionsModule,
    BadgesModule,
    MembersModule,
    PraiseModule,
  ],
  controllers: [DisplaysController, PairingController],
  providers: [
    DisplaysService,
    DisplaysRepository,
    DisplayGuard,
    PairingService,
    PairingsRepository,
    PairingThrottle,
  ],
  exports: [DisplaysService],
})
export class DisplaysModule {}
