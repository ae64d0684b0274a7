import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Allowance } from './allowance.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { LeaderboardVersion, PointTotal, TeamPointTotal } from './point-total.entity';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PartTimeAllowance } from './part-time-allowance';
import { PointsController } from './points.controller';
import { PointsReadService } from './points-read.service';
import { PointsRepository } from './points.repository';
import { PointsService } from './points.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Allowance,
      LedgerEntry,
      PointTotal,
      TeamPointTotal,
      LeaderboardVersion,
    ]),
    OrganizationsModule,
  ],
  controllers: [PointsController],
  providers: [PointsRepository, PointsService, PointsReadService, PartTimeAllowance],
  exports: [PointsService, PointsReadService],
})
export class PointsModule {}
