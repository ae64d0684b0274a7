import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Session } from './session.entity';
import { APP_GUARD } from '@nestjs/core';
import { BrandValuesModule } from '../brand-values/brand-values.module';
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
    TypeOrmModule.forFeature([Session]),
    MembersModule,
    OrganizationsModule,
    BrandValuesModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    SessionsRepository,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService, PasswordHasher],
})
export class AuthModule {}
