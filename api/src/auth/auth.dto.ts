import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '@bravo/shared';
import { IsTimeZone, NormalizeEmail, Trim } from '../common/validators';

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
