import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class FairPlayQuery {
  @ApiPropertyOptional({ default: 'month' })
  @IsOptional()
  @IsIn(['month', 'last-month'], { message: 'period must be month or last-month' })
  period: 'month' | 'last-month' = 'month';
}
