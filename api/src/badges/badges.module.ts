import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandValuesModule } from '../brand-values/brand-values.module';
import { KudosMetrics } from '../kudos/kudos-metrics.queries';
import { KudosModule } from '../kudos/kudos.module';
import { MembersModule } from '../members/members.module';
import { MissionsMetrics } from '../missions/missions-metrics.queries';
import { MissionsModule } from '../missions/missions.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { Badge, BadgeAward } from './badge.entity';
import { BadgeAwards } from './badge-awards.service';
import { BadgeFeed } from './badge-feed.service';
import { BadgeEvaluationQueue } from './badge-evaluation.queue';
import { BADGE_METRIC_SOURCES, type BadgeMetricSource } from './badge-metric-source';
import { BadgeMetrics } from './badge-metrics';
import { BadgesController } from './badges.controller';
import { BadgesRepository } from './badges.repository';
import { BadgesService } from './badges.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Badge, BadgeAward]),
    // Each feature that answers badge metrics: import its module, add its source below.
    KudosModule,
    MissionsModule,
    BrandValuesModule,
    MembersModule,
    OrganizationsModule,
    PointsModule,
  ],
  controllers: [BadgesController],
  providers: [
    {
      provide: BADGE_METRIC_SOURCES,
      useFactory: (...sources: BadgeMetricSource[]) => sources,
      inject: [KudosMetrics, MissionsMetrics],
    },
    BadgeMetrics,
    BadgesRepository,
    BadgeAwards,
    BadgeEvaluationQueue,
    BadgesService,
    BadgeFeed,
  ],
  exports: [BadgesService, BadgeEvaluationQueue, BadgeFeed],
})
export class BadgesModule {}
