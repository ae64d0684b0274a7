import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS, POINT_RULE_RANGES as R, type PointRules } from '@bravo/shared';
import { IsTimeZone, Trim } from '../common/validators';

/** Every rule optional: PATCH sends only what changes. Ranges come from @bravo/shared. */
export class PointRulesPatch implements Partial<PointRules> {
  @IsOptional()
  @IsInt()
  @Min(R.allowanceEmployee.min)
  @Max(R.allowanceEmployee.max)
  allowanceEmployee?: number;

  @IsOptional()
  @IsInt()
  @Min(R.allowanceManager.min)
  @Max(R.allowanceManager.max)
  allowanceManager?: number;

  @IsOptional()
  @IsInt()
  @Min(R.maxPointsPerRecipient.min)
  @Max(R.maxPointsPerRecipient.max)
  maxPointsPerRecipient?: number;

  @IsOptional()
  @IsInt()
  @Min(R.maxRecipientsPerKudos.min)
  @Max(R.maxRecipientsPerKudos.max)
  maxRecipientsPerKudos?: number;

  @IsOptional()
  @IsInt()
  @Min(R.maxShareToOneRecipientPercent.min)
  @Max(R.maxShareToOneRecipientPercent.max)
  maxShareToOneRecipientPercent?: number;

  @IsOptional()
  @IsInt()
  @Min(R.maxKudosPerDay.min)
  @Max(R.maxKudosPerDay.max)
  maxKudosPerDay?: number;

  @IsOptional()
  @IsInt()
  @Min(R.withdrawWindowMinutes.min)
  @Max(R.withdrawWindowMinutes.max)
  withdrawWindowMinutes?: number;

  @IsOptional()
  @IsInt()
  @Min(R.praisePoints.min)
  @Max(R.praisePoints.max)
  praisePoints?: number;

  @IsOptional()
  @IsInt()
  @Min(R.screenTopN.min)
  @Max(R.screenTopN.max)
  screenTopN?: number;
}

export class UpdateOrganizationDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.organizationNameMax)
  name?: string;

  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PointRulesPatch)
  rules?: PointRulesPatch;
}
