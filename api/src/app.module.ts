import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { databaseTimeouts, type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { TransactionsModule } from './database/transactions.module';
import { FairPlayModule } from './fair-play/fair-play.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { DisplaysModule } from './displays/displays.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MemberImportModule } from './member-import/member-import.module';
import { KudosModule } from './kudos/kudos.module';
import { MailModule } from './mail/mail.module';
import { LeaderboardModule } from './leaderboard/leaderboard.module';
import { LiveModule } from './live/live.module';
import { LIVE_DATA_SOURCE, LIVE_POOL_SIZE } from './database/live-pool';
import { LivePoolModule } from './database/live-pool.module';
import { PointsModule } from './points/points.module';
import { MembersModule } from './members/members.module';
import { MissionsModule } from './missions/missions.module';
import { PraiseModule } from './praise/praise.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { TeamsModule } from './teams/teams.module';
import { BrandValuesModule } from './brand-values/brand-values.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { UploadsModule } from './uploads/uploads.module';
import { BadgesModule } from './badges/badges.module';
import { FeedModule } from './feed/feed.module';

@Module({})
export class AppModule {
  /** `databaseUrl` is resolved at boot (embedded server or DATABASE_URL). */
  static register(config: AppConfig, databaseUrl: string, clock?: Clock): DynamicModule {
    const timeouts = databaseTimeouts(config);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(clock),
        EventsModule,
        // Each feature module registers its own entities (TypeOrmModule.forFeature).
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { poolSize: config.DB_POOL_SIZE, timeouts }),
          autoLoadEntities: true,
        }),
        // The live pool reads with raw SQL only: it needs no entities.
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { poolSize: LIVE_POOL_SIZE, timeouts }),
          name: LIVE_DATA_SOURCE,
        }),
        // No request middleware: `withTransaction` opens its own CLS context, and
        // outside a transaction `TransactionHost.tx` is the data source's plain manager.
        ClsModule.forRoot({
          global: true,
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        TransactionsModule,
        LivePoolModule,
        HealthModule,
        AuthModule,
        AuditModule,
        MembersModule,
        TeamsModule,
        BrandValuesModule,
        OrganizationsModule,
        InvitationsModule,
        MemberImportModule,
        PointsModule,
        KudosModule,
        MissionsModule,
        PraiseModule,
        BadgesModule,
        FeedModule,
        LeaderboardModule,
        FairPlayModule,
        AnalyticsModule,
        DisplaysModule,
        OnboardingModule,
        UploadsModule,
        LiveModule,
        MailModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
