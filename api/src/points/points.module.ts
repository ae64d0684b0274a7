import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsController } from './points.controller';
import { PointsReadService } from './points-read.service';
import { PointsService } from './points.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [PointsController],
  providers: [PointsService, PointsReadService],
  exports: [PointsService, PointsReadService],
})
export class PointsModule {}
