import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { HistoryEntryDto, ProfileDto } from '@bravo/shared';
import { CurrentMember } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { HistoryEntryResponse, ProfileResponse } from '../points/points.response';
import { MemberProfileService } from './member-profile.service';

@ApiTags('points')
@Controller()
export class MemberProfileController {
  constructor(private readonly profiles: MemberProfileService) {}

  @Get('members/:id/profile')
  @ApiOkResponse({ type: ProfileResponse })
  profile(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProfileDto> {
    return this.profiles.profile(me, id);
  }

  /** The member's latest ledger entries, each with the kudos it came from. */
  @Get('members/:id/history')
  @ApiOkResponse({ type: [HistoryEntryResponse] })
  history(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<HistoryEntryDto[]> {
    return this.profiles.history(me, id);
  }
}
