import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TeamsModule } from '../teams/teams.module';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { TeamManager } from './team-manager.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Member, TeamManager]),
    OrganizationsModule,
    // Teams count their members; members check their teams.
    forwardRef(() => TeamsModule),
  ],
  controllers: [MembersController],
  providers: [MembersService, MembersRepository],
  exports: [MembersService],
})
export class MembersModule {}
