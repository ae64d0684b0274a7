import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HASHTAG_PATTERN, LIMITS } from '@bravo/shared';
import { CreateBrandValueDto } from '../brand-values/brand-value.dto';
import { IsOmittable, IsTimeZone, NormalizeEmail, Trim } from '../common/validators';

/** A brand value ticked at signup; the hashtag may be left to be made from the name. */
export class StarterValueDto extends OmitType(CreateBrandValueDto, ['hashtag'] as const) {
  @IsOmittable()
  @IsString()
  @MaxLength(LIMITS.hashtagMax)
  @Matches(HASHTAG_PATTERN, {
    message: 'hashtag may contain only letters, digits and _',
    context: { code: 'invalid_hashtag' },
  })
  @ApiPropertyOptional({ example: 'WarmWelcome' })
  hashtag?: string;
}

export class SignupDto {
  @Trim()
  @IsString()
  @MinLength(1, { message: 'organizationName must not be empty' })
  @MaxLength(LIMITS.organizationNameMax)
  organizationName: string;

  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.nameMax)
  name: string;

  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(LIMITS.emailMax)
  email: string;

  @IsString()
  @MinLength(LIMITS.passwordMin, {
    message: `password must be at least ${LIMITS.passwordMin} characters`,
  })
  @MaxLength(LIMITS.passwordMax)
  password: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsTimeZone()
  timezone: string;

  /** Brand values to start with, created in the signup's transaction. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.starterValuesMax)
  @ValidateNested({ each: true })
  @Type(() => StarterValueDto)
  @ApiPropertyOptional({ type: [StarterValueDto] })
  values?: StarterValueDto[];
}

export class LoginDto {
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(LIMITS.emailMax)
  email: string;

  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(LIMITS.passwordMax)
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(LIMITS.passwordMax)
  currentPassword: string;

  @IsString()
  @MinLength(LIMITS.passwordMin, {
    message: `newPassword must be at least ${LIMITS.passwordMin} characters`,
  })
  @MaxLength(LIMITS.passwordMax)
  newPassword: string;
}
