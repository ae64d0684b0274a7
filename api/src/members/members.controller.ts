import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeDto, MemberDto, Page } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { ListMembersQuery, UpdateMeDto, UpdateMemberDto } from './member.dto';
import { MembersService } from './members.service';
import { MeResponse, MemberPageResponse, MemberResponse } from './member.response';

@ApiTags('members')
@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentMember() me: AuthMember): Promise<MeDto> {
    return this.members.me(me.organizationId, me.id);
  }

  @Patch('me')
  @ApiOkResponse({ type: MeResponse })
  updateMe(@CurrentMember() me: AuthMember, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.members.updateMe(me, dto);
  }

  @Get('members')
  @ApiOkResponse({ type: MemberPageResponse })
  list(
    @CurrentMember() me: AuthMember,
    @Query() query: ListMembersQuery,
  ): Promise<Page<MemberDto>> {
    return this.members.list(me, query);
  }

  @Get('members/:id')
  @ApiOkResponse({ type: MemberResponse })
  get(@CurrentMember() me: AuthMember, @Param('id', ParseUUIDPipe) id: string): Promise<MemberDto> {
    return this.members.view(me, id);
  }

  @Audited('member.updated')
  @RequireRole('admin')
  @Patch('members/:id')
  @ApiOkResponse({ type: MemberResponse })
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.members.update(me, id, dto);
  }
}
