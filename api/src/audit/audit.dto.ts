import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AUDIT_PAGE } from '@bravo/shared';

/** Filters shared by the page and the CSV export. */
export class AuditFilterQuery {
  @ApiPropertyOptional({
    description: 'Entries at or after this instant (ISO 8601; a date is UTC midnight)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a member id' })
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action looks like member.updated' })
  action?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z_]+$/, { message: 'targetType looks like member' })
  targetType?: string;
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
