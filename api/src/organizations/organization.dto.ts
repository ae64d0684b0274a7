import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { LIMITS, POINT_RULE_RANGES as R, type PointRules } from '@bravo/shared';
import { IsOmittable, IsTimeZone, Trim } from '../common/validators';

/** Every rule optional: PATCH sends only what changes. Ranges come from @bravo/shared. */
export class PointRulesPatch implements Partial<PointRules> {
  @IsOmittable()
  @IsInt()
  @Min(R.allowanceEmployee.min)
  @Max(R.allowanceEmployee.max)
  allowanceEmployee?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.allowanceManager.min)
  @Max(R.allowanceManager.max)
  allowanceManager?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.maxPointsPerRecipient.min)
  @Max(R.maxPointsPerRecipient.max)
  maxPointsPerRecipient?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.maxRecipientsPerKudos.min)
  @Max(R.maxRecipientsPerKudos.max)
  maxRecipientsPerKudos?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.maxShareToOneRecipientPercent.min)
  @Max(R.maxShareToOneRecipientPercent.max)
  maxShareToOneRecipientPercent?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.maxKudosPerDay.min)
  @Max(R.maxKudosPerDay.max)
  maxKudosPerDay?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.withdrawWindowMinutes.min)
  @Max(R.withdrawWindowMinutes.max)
  withdrawWindowMinutes?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.screenTopN.min)
  @Max(R.screenTopN.max)
  screenTopN?: number;

  @IsOmittable()
  @IsInt()
  @Min(R.praisePoints.min)
  @Max(R.praisePoints.max)
  praisePoints?: number;
}

export class UpdateOrganizationDto {
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.organizationNameMax)
  name?: string;

  @IsOmittable()
  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsTimeZone()
  timezone?: string;

  @IsOmittable()
  @ValidateNested()
  @Type(() => PointRulesPatch)
  rules?: PointRulesPatch;
}
