import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  ManagedMissionDto,
  MissionSubmissionDto,
  MyMissionDto,
  QuizResultDto,
} from '@bravo/shared';
import { Audited } from '../audit/audited.decorator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key.pipe';
import { MissionInput, QuizAttemptInput, SubmissionInput } from './missions.dto';
import { MissionSubmissionsService } from './mission-submissions.service';
import { MissionsService } from './missions.service';
import {
  ManagedMissionResponse,
  MissionSubmissionResponse,
  MyMissionResponse,
  QuizResultResponse,
} from './missions.response';

@ApiTags('missions')
@Controller('missions')
export class MissionsController {
  constructor(
    private readonly missions: MissionsService,
    private readonly submissions: MissionSubmissionsService,
  ) {}

  /** The missions running now for the caller, with their progress. */
  @Get()
  @ApiOkResponse({ type: [MyMissionResponse] })
  mine(@CurrentMember() me: AuthMember): Promise<MyMissionDto[]> {
    return this.missions.mine(me);
  }

  /** Every mission the caller manages (an admin: all), in every phase, answers included. */
  @RequireRole('manager')
  @Get('managed')
  @ApiOkResponse({ type: [ManagedMissionResponse] })
  managed(@CurrentMember() me: AuthMember): Promise<ManagedMissionDto[]> {
    return this.missions.managed(me);
  }

  @RequireRole('manager')
  @Get('managed/:id')
  @ApiOkResponse({ type: ManagedMissionResponse })
  managedOne(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedMissionDto> {
    return this.missions.managedOne(me, id);
  }

  @Get(':id')
  @ApiOkResponse({ type: MyMissionResponse })
  one(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MyMissionDto> {
    return this.missions.mineOne(me, id);
  }

  /** A draft: publish it to open it on its start date. */
  @Audited('mission.created')
  @RequireRole('manager')
  @Post()
  @ApiCreatedResponse({ type: ManagedMissionResponse })
  create(@CurrentMember() me: AuthMember, @Body() input: MissionInput): Promise<ManagedMissionDto> {
    return this.missions.create(me, input);
  }

  @Audited('mission.updated')
  @RequireRole('manager')
  @Patch(':id')
  @ApiOkResponse({ type: ManagedMissionResponse })
  update(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: MissionInput,
  ): Promise<ManagedMissionDto> {
    return this.missions.update(me, id, input);
  }

  @Audited('mission.published')
  @RequireRole('manager')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedMissionResponse })
  publish(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedMissionDto> {
    return this.missions.publish(me, id);
  }

  @Audited('mission.closed')
  @RequireRole('manager')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedMissionResponse })
  close(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedMissionDto> {
    return this.missions.close(me, id);
  }

  /** A draft copy for the next month. */
  @Audited('mission.repeated')
  @RequireRole('manager')
  @Post(':id/repeat')
  @ApiCreatedResponse({ type: ManagedMissionResponse })
  repeat(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedMissionDto> {
    return this.missions.repeat(me, id);
  }

  /** Evidence for an evidence mission; one that asks for none completes at once. */
  @Post(':id/submissions')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: MissionSubmissionResponse })
  submit(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: SubmissionInput,
    @IdempotencyKey() key: string | undefined,
  ): Promise<MissionSubmissionDto> {
    return this.submissions.submit(me, id, input, key);
  }

  /** A quiz attempt, checked on the server. */
  @Post(':id/attempts')
  @ApiCreatedResponse({ type: QuizResultResponse })
  attempt(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: QuizAttemptInput,
  ): Promise<QuizResultDto> {
    return this.submissions.attempt(me, id, input);
  }
}
