import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProfileDto } from '@bravo/shared';
import { CurrentMember } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { MemberProfileService } from './member-profile.service';

@ApiTags('points')
@Controller()
export class MemberProfileController {
  constructor(private readonly profiles: MemberProfileService) {}

  @Get('members/:id/profile')
  profile(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProfileDto> {
    return this.profiles.profile(me, id);
  }
}
