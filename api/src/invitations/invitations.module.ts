import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Invitation } from './invitation.entity';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { MembersModule } from '../members/members.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TeamsModule } from '../teams/teams.module';
import { Idempotency } from '../common/idempotency';
import { IdempotencyRepository } from '../common/idempotency.repository';
import { BulkInvitationsService } from './bulk-invitations.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Invitation]),
    AuthModule,
    MembersModule,
    TeamsModule,
    OrganizationsModule,
    MailModule,
  ],
  controllers: [InvitationsController],
  providers: [
    InvitationsService,
    BulkInvitationsService,
    InvitationsRepository,
    Idempotency,
    IdempotencyRepository,
  ],
  exports: [InvitationsService],
})
export class InvitationsModule {}
