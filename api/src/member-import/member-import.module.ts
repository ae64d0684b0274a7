import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersModule } from '../members/members.module';
import { TeamsModule } from '../teams/teams.module';
import { MemberImportController } from './member-import.controller';
import { MemberImportService } from './member-import.service';

/** Members from a CSV file; owns no table (writes through members and invitations). */
@Module({
  imports: [InvitationsModule, MembersModule, TeamsModule],
  controllers: [MemberImportController],
  providers: [MemberImportService],
})
export class MemberImportModule {}
