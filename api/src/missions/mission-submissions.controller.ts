import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MissionSubmissionDto } from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key.pipe';
import { RejectInput } from './missions.dto';
import { MissionSubmissionsService } from './mission-submissions.service';
import { MissionSubmissionResponse } from './missions.response';

@ApiTags('missions')
@Controller('mission-submissions')
export class MissionSubmissionsController {
  constructor(private readonly submissions: MissionSubmissionsService) {}

  /** The caller's own submissions and quiz attempts, newest first. */
  @Get('mine')
  @ApiOkResponse({ type: [MissionSubmissionResponse] })
  mine(@CurrentMember() me: AuthMember): Promise<MissionSubmissionDto[]> {
    return this.submissions.mine(me);
  }

  /** The approval queue: evidence from the members of the caller's teams (an admin: all), oldest first. */
  @RequireRole('manager')
  @Get('pending')
  @ApiOkResponse({ type: [MissionSubmissionResponse] })
  pending(@CurrentMember() me: AuthMember): Promise<MissionSubmissionDto[]> {
    return this.submissions.queue(me);
  }

  /** Awards the mission's points once; a second approval answers 409 (or, with the same key, the first answer). */
  @Audited('mission_submission.approved')
  @RequireRole('manager')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: MissionSubmissionResponse })
  approve(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @IdempotencyKey() key: string | undefined,
  ): Promise<MissionSubmissionDto> {
    return this.submissions.approve(me, id, key);
  }

  /** The reason is shown to the member. */
  @Audited('mission_submission.rejected')
  @RequireRole('manager')
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: MissionSubmissionResponse })
  reject(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: RejectInput,
  ): Promise<MissionSubmissionDto> {
    return this.submissions.reject(me, id, input.reason);
  }
}
