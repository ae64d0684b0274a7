import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  AUDIT_ACTIONS,
  AUDIT_PAGE,
  AUDIT_TARGET_TYPES,
  type AuditAction,
  type AuditTargetType,
} from '@bravo/shared';

/** Filters shared by the page and the CSV export. */
export class AuditFilterQuery {
  @ApiPropertyOptional({
    description:
      "Entries from this day (YYYY-MM-DD, its start in the organisation's time zone) or instant (ISO 8601 date-time)",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    description:
      "Entries up to this day (YYYY-MM-DD, included, in the organisation's time zone) or before this instant",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a member id' })
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action must be one the audit log records, e.g. member.updated' })
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_TARGET_TYPES })
  @IsOptional()
  @IsIn(AUDIT_TARGET_TYPES, {
    message: 'targetType must be one the audit log records, e.g. member',
  })
  targetType?: AuditTargetType;
}

export class AuditPageQuery extends AuditFilterQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cursor?: string;

  @ApiPropertyOptional({ default: AUDIT_PAGE.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE.max)
  limit: number = AUDIT_PAGE.default;
}
