import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  BADGE_ICONS,
  BADGE_METRICS,
  BADGE_WINDOWS,
  LIMITS,
  type BadgeIcon,
  type BadgeMetric,
  type BadgeWindow,
} from '@bravo/shared';
import { IsOmittable, Trim } from '../common/validators';

/** A badge's rule: what is counted, how many, over which window. */
export class BadgeRuleBody {
  @IsIn(BADGE_METRICS, { message: `metric must be one of ${BADGE_METRICS.join(', ')}` })
  @ApiProperty({ enum: BADGE_METRICS, enumName: 'BadgeMetric' })
  metric: BadgeMetric;

  @IsInt({ message: 'threshold must be a whole number' })
  @Min(1)
  @Max(LIMITS.badgeThresholdMax)
  @ApiProperty({ minimum: 1, maximum: LIMITS.badgeThresholdMax, example: 5 })
  threshold: number;

  @IsIn(BADGE_WINDOWS, { message: `window must be one of ${BADGE_WINDOWS.join(', ')}` })
  @ApiProperty({ enum: BADGE_WINDOWS, enumName: 'BadgeWindow' })
  window: BadgeWindow;

  /** The brand value counted: required by `kudos_received_for_value`, refused by the others. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'valueId must be a brand value id' })
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  valueId?: string | null;
}

export class CreateBadgeDto extends BadgeRuleBody {
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.badgeNameMax)
  @ApiProperty({ minLength: 1, maxLength: LIMITS.badgeNameMax, example: 'Team Player' })
  name: string;

  @IsIn(BADGE_ICONS, { message: `icon must be one of ${BADGE_ICONS.join(', ')}` })
  @ApiProperty({ enum: BADGE_ICONS, enumName: 'BadgeIcon' })
  icon: BadgeIcon;

  /** An upload of an admin of the organisation, worn instead of the icon; null clears it. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'imageId must be an upload id' })
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  imageId?: string | null;

  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.badgeDescriptionMax)
  @ApiPropertyOptional({ maxLength: LIMITS.badgeDescriptionMax, default: '' })
  description?: string;

  /** Points the member earns with the badge (once per award). */
  @IsOmittable()
  @IsInt({ message: 'bonusPoints must be a whole number' })
  @Min(0)
  @Max(LIMITS.badgeBonusMax)
  @ApiPropertyOptional({ minimum: 0, maximum: LIMITS.badgeBonusMax, default: 0 })
  bonusPoints?: number;
}

/** Every field may be left out; `active: true` reactivates (and awards who qualifies). */
export class UpdateBadgeDto extends PartialType(CreateBadgeDto, { skipNullProperties: false }) {
  @IsOmittable()
  @IsBoolean()
  @ApiPropertyOptional()
  active?: boolean;
}
