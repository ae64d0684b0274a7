import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandValuesModule } from '../brand-values/brand-values.module';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { Idempotency } from '../common/idempotency';
import { IdempotencyRepository } from '../common/idempotency.repository';
import { MembersModule } from '../members/members.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { TeamsModule } from '../teams/teams.module';
import { UploadsModule } from '../uploads/uploads.module';
import { Mission, MissionSubmission, MissionTargetReached } from './mission.entity';
import { MissionCompletions } from './mission-completions.service';
import { MissionScreensService } from './mission-screens.service';
import { MissionSubmissionsController } from './mission-submissions.controller';
import { MissionSubmissionsService } from './mission-submissions.service';
import { MissionsController } from './missions.controller';
import { MissionsRepository } from './missions.repository';
import { MissionsService } from './missions.service';
import { TrackedMissions } from './tracked-missions.service';
import { TrackedProgress } from './tracked-progress.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Mission, MissionSubmission, MissionTargetReached, IdempotencyKey]),
    BrandValuesModule,
    MembersModule,
    MetricsModule,
    OrganizationsModule,
    PointsModule,
    TeamsModule,
    UploadsModule,
  ],
  controllers: [MissionsController, MissionSubmissionsController],
  providers: [
    Idempotency,
    IdempotencyRepository,
    MissionsRepository,
    MissionsService,
    MissionSubmissionsService,
    MissionScreensService,
    MissionCompletions,
    TrackedProgress,
    TrackedMissions,
  ],
  exports: [MissionsService, MissionScreensService, TrackedMissions],
})
export class MissionsModule {}
