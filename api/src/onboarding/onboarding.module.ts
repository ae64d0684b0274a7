import { Module } from '@nestjs/common';
import { BrandValuesModule } from '../brand-values/brand-values.module';
import { DisplaysModule } from '../displays/displays.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { KudosModule } from '../kudos/kudos.module';
import { MembersModule } from '../members/members.module';
import { TeamsModule } from '../teams/teams.module';
import { OnboardingController } from './onboarding.controller';
import { OnboardingService } from './onboarding.service';

@Module({
  imports: [
    BrandValuesModule,
    TeamsModule,
    MembersModule,
    InvitationsModule,
    DisplaysModule,
    KudosModule,
  ],
  controllers: [OnboardingController],
  providers: [OnboardingService],
})
export class OnboardingModule {}
