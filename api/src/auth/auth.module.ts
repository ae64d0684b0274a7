import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordReset } from './password-reset.entity';
import { PasswordResetsController } from './password-resets.controller';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordResetsService } from './password-resets.service';
import { Session } from './session.entity';
import { APP_GUARD } from '@nestjs/core';
import { BadgesModule } from '../badges/badges.module';
import { BrandValuesModule } from '../brand-values/brand-values.module';
import { MailModule } from '../mail/mail.module';
import { MembersModule } from '../members/members.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Session, PasswordReset]),
    MembersModule,
    OrganizationsModule,
    BrandValuesModule,
    BadgesModule,
    MailModule,
  ],
  controllers: [AuthController, PasswordResetsController],
  providers: [
    AuthService,
    SessionsService,
    SessionsRepository,
    PasswordResetsService,
    PasswordResetsRepository,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService, PasswordHasher],
})
export class AuthModule {}
