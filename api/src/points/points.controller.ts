import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AllowanceDto, LedgerDriftReport } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { PointsReadService } from './points-read.service';
import { AllowanceResponse, LedgerDriftReportResponse } from './points.response';

@ApiTags('points')
@Controller()
export class PointsController {
  constructor(private readonly points: PointsReadService) {}

  @Get('me/allowance')
  @ApiOkResponse({ type: AllowanceResponse })
  allowance(@CurrentMember() me: AuthMember): Promise<AllowanceDto> {
    return this.points.allowance(me);
  }

  @RequireRole('admin')
  @Get('points/verify')
  @ApiOkResponse({ type: LedgerDriftReportResponse })
  verify(@CurrentMember() me: AuthMember): Promise<LedgerDriftReport> {
    return this.points.verify(me);
  }
}
