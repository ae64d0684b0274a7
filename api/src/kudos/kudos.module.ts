import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { Kudos, KudosBoost, KudosComment, KudosReaction, KudosRecipient } from './kudos.entity';
import { Idempotency } from '../common/idempotency';
import { IdempotencyRepository } from '../common/idempotency.repository';
import { MembersModule } from '../members/members.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { KudosController } from './kudos.controller';
import { KudosFeedQueries } from './kudos-feed.queries';
import { KudosFeedService } from './kudos-feed.service';
import { KudosMetrics } from './kudos-metrics.queries';
import { KudosRepository } from './kudos.repository';
import { KudosSocialRepository } from './kudos-social.repository';
import { MemberProfileController } from './member-profile.controller';
import { MemberProfileService } from './member-profile.service';
import { KudosSocialService } from './kudos-social.service';
import { KudosService } from './kudos.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Kudos,
      KudosBoost,
      KudosComment,
      KudosReaction,
      KudosRecipient,
      IdempotencyKey,
    ]),
    MembersModule,
    OrganizationsModule,
    PointsModule,
  ],
  controllers: [KudosController, MemberProfileController],
  providers: [
    Idempotency,
    IdempotencyRepository,
    KudosRepository,
    KudosFeedQueries,
    KudosSocialRepository,
    KudosService,
    KudosFeedService,
    KudosSocialService,
    MemberProfileService,
    KudosMetrics,
  ],
  exports: [KudosFeedService, KudosMetrics],
})
export class KudosModule {}
