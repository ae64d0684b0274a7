import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { Kudos, KudosBoost, KudosComment, KudosReaction, KudosRecipient } from './kudos.entity';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PointsModule } from '../points/points.module';
import { KudosController } from './kudos.controller';
import { KudosFeedService } from './kudos-feed.service';
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
    OrganizationsModule,
    PointsModule,
  ],
  controllers: [KudosController],
  providers: [KudosService, KudosFeedService, KudosSocialService],
  exports: [KudosFeedService],
})
export class KudosModule {}
