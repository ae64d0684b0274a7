import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandValuesModule } from '../brand-values/brand-values.module';
import { MembersModule } from '../members/members.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { UploadsModule } from '../uploads/uploads.module';
import { Badge, BadgeAward } from './badge.entity';
import { BadgeAwards } from './badge-awards.service';
import { BadgeFeed } from './badge-feed.service';
import { BadgeEvaluationQueue } from './badge-evaluation.queue';
import { BadgesController } from './badges.controller';
import { BadgesRepository } from './badges.repository';
import { BadgesService } from './badges.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Badge, BadgeAward]),
    // Each feature that answers badge metrics registers its source in MetricsModule.
    MetricsModule,
    BrandValuesModule,
    MembersModule,
    OrganizationsModule,
    PointsModule,
    UploadsModule,
  ],
  controllers: [BadgesController],
  providers: [BadgesRepository, BadgeAwards, BadgeEvaluationQueue, BadgesService, BadgeFeed],
  exports: [BadgesService, BadgeEvaluationQueue, BadgeFeed],
})
export class BadgesModule {}
