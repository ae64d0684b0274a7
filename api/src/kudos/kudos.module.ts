import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { KudosController } from './kudos.controller';
import { KudosFeedService } from './kudos-feed.service';
import { KudosSocialService } from './kudos-social.service';
import { KudosService } from './kudos.service';

@Module({
  imports: [OrganizationsModule, PointsModule],
  controllers: [KudosController],
  providers: [KudosService, KudosFeedService, KudosSocialService],
  exports: [KudosFeedService],
})
export class KudosModule {}
