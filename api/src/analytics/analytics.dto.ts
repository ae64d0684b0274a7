import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { IsOmittable } from '../common/validators';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateOptions = { message: 'must be a date (YYYY-MM-DD)', context: { code: 'invalid_date' } };

/** The filters every analytics figure takes; the service checks the span and the team. */
export class AnalyticsQuery {
  /** First local date (organisation's time zone), included; default 89 days before `to`. */
  @IsOmittable()
  @Matches(DATE, dateOptions)
  @ApiPropertyOptional({ example: '2026-09-01' })
  from?: string;

  /** Last local date, included; default today. */
  @IsOmittable()
  @Matches(DATE, dateOptions)
  @ApiPropertyOptional({ example: '2026-11-30' })
  to?: string;

  /** One team (managers: one they manage); none: every team the caller may see. */
  @IsOmittable()
  @IsUUID('all')
  @ApiPropertyOptional({ format: 'uuid' })
  teamId?: string;
}
