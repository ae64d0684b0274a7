import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuditEntry } from './audit-entry.entity';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditTrail } from './audit-trail';

/** Global: any feature's service may note `before` on the `AuditTrail`. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), OrganizationsModule],
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditRepository,
    AuditTrail,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditTrail],
})
export class AuditModule {}
