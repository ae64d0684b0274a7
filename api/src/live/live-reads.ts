import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PointsReadService } from '../points/points-read.service';

/**
 * Live pushes read boards and allowances through their own small pool: during a
 * burst the main pool queues hundreds of kudos writes, and a tick waiting behind
 * them would reach the screens seconds late.
 */
export const LIVE_DATA_SOURCE = 'live';
export const LIVE_POOL_SIZE = 3;

export const LIVE_BOARDS = Symbol('LIVE_BOARDS');
export const LIVE_POINTS = Symbol('LIVE_POINTS');

const inject = [getDataSourceToken(LIVE_DATA_SOURCE), Clock, OrganizationsService];

export const liveReadProviders: Provider[] = [
  {
    provide: LIVE_BOARDS,
    inject,
    useFactory: (db: DataSource, clock: Clock, organizations: OrganizationsService) =>
      new LeaderboardService(db, clock, organizations),
  },
  {
    provide: LIVE_POINTS,
    inject,
    useFactory: (db: DataSource, clock: Clock, organizations: OrganizationsService) =>
      new PointsReadService(db, clock, organizations),
  },
];
