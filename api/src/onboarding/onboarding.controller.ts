import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OnboardingChecklistDto } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { OnboardingChecklistResponse } from './onboarding.response';
import { OnboardingService } from './onboarding.service';

@ApiTags('onboarding')
@Controller('onboarding')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  /** Which first steps the organisation has taken (the owner's home-page checklist). */
  @RequireRole('admin')
  @Get('checklist')
  @ApiOkResponse({ type: OnboardingChecklistResponse })
  checklist(@CurrentMember() me: AuthMember): Promise<OnboardingChecklistDto> {
    return this.onboarding.checklist(me);
  }
}
