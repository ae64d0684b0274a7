import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MeDto, MemberDto, Page } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { ListMembersQuery, UpdateMeDto, UpdateMemberDto } from './member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('me')
  me(@CurrentMember() me: AuthMember): Promise<MeDto> {
    return this.members.me(me.organizationId, me.id);
  }

  @Patch('me')
  updateMe(@CurrentMember() me: AuthMember, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.members.updateMe(me, dto);
  }

  @Get('members')
  list(
    @CurrentMember() me: AuthMember,
    @Query() query: ListMembersQuery,
  ): Promise<Page<MemberDto>> {
    return this.members.list(me, query);
  }

  @Get('members/:id')
  get(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<MemberDto> {
    return this.members.view(me, id);
  }

  @RequireRole('admin')
  @Patch('members/:id')
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.members.update(me, id, dto);
  }
}
