import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
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
  LIMITS,
  LOCALES,
  ROLES,
  SCREEN_NAME_CHOICES,
  type Locale,
  type Role,
  type ScreenNameChoice,
} from '@bravo/shared';
import { Transform } from 'class-transformer';
import { IsOmittable, NormalizeEmail, Trim } from '../common/validators';

export class ListMembersQuery {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.searchQueryMax)
  query?: string;

  @ApiPropertyOptional({ default: LIMITS.pageSizeDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  limit: number = LIMITS.pageSizeDefault;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(LIMITS.pageOffsetMax)
  offset: number = 0;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive: boolean = false;
}

export class UpdateMemberDto {
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.nameMax)
  name?: string;

  @IsOmittable()
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(LIMITS.emailMax)
  email?: string;

  @IsOmittable()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  /** null takes the member out of any team. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'managedTeamIds must contain team ids' })
  managedTeamIds?: string[];

  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  /** Share of a full-time position, with at most two decimals. */
  @IsOmittable()
  @IsNumber(
    { maxDecimalPlaces: 2 },
    { message: 'partTimeFactor must be a number with at most two decimals' },
  )
  @Min(LIMITS.partTimeFactorMin, {
    message: `partTimeFactor must be at least ${LIMITS.partTimeFactorMin}`,
  })
  @Max(LIMITS.partTimeFactorMax, {
    message: `partTimeFactor must be at most ${LIMITS.partTimeFactorMax}`,
  })
  partTimeFactor?: number;
}

export class UpdateMeDto {
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.nameMax)
  name?: string;

  @IsOmittable()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;

  @IsOmittable()
  @IsBoolean()
  emailOnKudos?: boolean;

  @IsOmittable()
  @IsIn(SCREEN_NAME_CHOICES, {
    message: `screenName must be one of ${SCREEN_NAME_CHOICES.join(', ')}`,
  })
  screenName?: ScreenNameChoice;
}
