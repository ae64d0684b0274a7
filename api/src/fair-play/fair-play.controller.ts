import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FairPlayFlag } from '@bravo/shared';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { FairPlayService } from './fair-play.service';

export class FairPlayQuery {
  @IsOptional()
  @IsIn(['month', 'last-month'], { message: 'period must be month or last-month' })
  period: 'month' | 'last-month' = 'month';
}

@ApiTags('fair-play')
@RequireRole('admin')
@Controller('fair-play')
export class FairPlayController {
  constructor(private readonly fairPlay: FairPlayService) {}

  @Get('flags')
  flags(@CurrentMember() me: AuthMember, @Query() q: FairPlayQuery): Promise<FairPlayFlag[]> {
    return this.fairPlay.flags(me.organizationId, q.period);
  }
}
