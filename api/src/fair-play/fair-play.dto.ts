import { IsIn, IsOptional } from 'class-validator';

export class FairPlayQuery {
  @IsOptional()
  @IsIn(['month', 'last-month'], { message: 'period must be month or last-month' })
  period: 'month' | 'last-month' = 'month';
}
