import { Module } from '@nestjs/common';
import { BADGE_METRIC_SOURCES, type BadgeMetricSource } from '../badges/badge-metric-source';
import { BadgeMetrics } from '../badges/badge-metrics';
import { KudosMetrics } from '../kudos/kudos-metrics.queries';
import { KudosModule } from '../kudos/kudos.module';
import { MissionsMetrics } from '../missions/missions-metrics.queries';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PraiseMetrics } from '../praise/praise-metrics.queries';

/**
 * The metric registry badges and tracked missions both count with. Each source queries its
 * own feature's tables on the current transaction only, so it is provided here without its
 * feature's module (missions reads this registry; importing MissionsModule would be a cycle).
 */
@Module({
  imports: [KudosModule, OrganizationsModule],
  providers: [
    MissionsMetrics,
    PraiseMetrics,
    {
      provide: BADGE_METRIC_SOURCES,
      useFactory: (...sources: BadgeMetricSource[]) => sources,
      inject: [KudosMetrics, MissionsMetrics, PraiseMetrics],
    },
    BadgeMetrics,
  ],
  exports: [BadgeMetrics],
})
export class MetricsModule {}
