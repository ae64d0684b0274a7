import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { FairPlayController } from './fair-play.controller';
import { FairPlayQueries } from './fair-play.queries';
import { FairPlayService } from './fair-play.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [FairPlayController],
  providers: [FairPlayService, FairPlayQueries],
})
export class FairPlayModule {}
