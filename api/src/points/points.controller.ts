import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AllowanceDto, LedgerDriftReport, LedgerEntryDto } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { PointsReadService } from './points-read.service';

@ApiTags('points')
@Controller()
export class PointsController {
  constructor(private readonly points: PointsReadService) {}

  @Get('me/allowance')
  allowance(@CurrentMember() me: AuthMember): Promise<AllowanceDto> {
    return this.points.allowance(me);
  }

  @Get('members/:id/history')
  history(
    @CurrentMember() me: AuthMember,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LedgerEntryDto[]> {
    return this.points.history(me, id);
  }

  @RequireRole('admin')
  @Get('points/verify')
  verify(@CurrentMember() me: AuthMember): Promise<LedgerDriftReport> {
    return this.points.verify(me);
  }
}
