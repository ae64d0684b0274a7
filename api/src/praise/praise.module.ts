import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandValuesModule } from '../brand-values/brand-values.module';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { Idempotency } from '../common/idempotency';
import { IdempotencyRepository } from '../common/idempotency.repository';
import { MembersModule } from '../members/members.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { TeamsModule } from '../teams/teams.module';
import { Praise, PraiseMember, PraisePage } from './praise.entity';
import { PraiseCardQueries } from './praise-cards.queries';
import { PraiseCards } from './praise-cards.service';
import { PraiseContactPurge } from './praise-contact-purge';
import { PraiseController } from './praise.controller';
import { PraiseRepository } from './praise.repository';
import { PraiseService } from './praise.service';
import { PraiseThrottle } from './praise-throttle';
import { PublicPraiseController } from './public-praise.controller';
import { PublicPraiseService } from './public-praise.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Praise, PraiseMember, PraisePage, IdempotencyKey]),
    BrandValuesModule,
    MembersModule,
    OrganizationsModule,
    PointsModule,
    TeamsModule,
  ],
  controllers: [PraiseController, PublicPraiseController],
  providers: [
    Idempotency,
    IdempotencyRepository,
    PraiseRepository,
    PraiseService,
    PublicPraiseService,
    PraiseThrottle,
    PraiseContactPurge,
    PraiseCardQueries,
    PraiseCards,
  ],
  exports: [PraiseService, PraiseCards],
})
export class PraiseModule {}
