import { IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '@bravo/shared';
import { NormalizeEmail } from '../common/validators';

export class RequestPasswordResetDto {
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(LIMITS.emailMax)
  email: string;
}

export class CreateResetLinkDto {
  @IsUUID('all', { message: 'memberId must be a member id' })
  memberId: string;
}

export class ResetPasswordDto {
  @IsString()
  @MinLength(LIMITS.passwordMin, {
    message: `password must be at least ${LIMITS.passwordMin} characters`,
  })
  @MaxLength(LIMITS.passwordMax)
  password: string;
}
