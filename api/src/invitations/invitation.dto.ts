import {
  IsEmail,
  IsIn,
  IsNumber,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { LIMITS, ROLES, type Role } from '@bravo/shared';
import { IsOmittable, NormalizeEmail, Trim } from '../common/validators';

export class CreateInvitationDto {
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(LIMITS.emailMax)
  email: string;

  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.nameMax)
  name: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string | null;

  /** The new member's share of full time (default 1). */
  @IsOmittable()
  @IsNumber(
    { maxDecimalPlaces: 2 },
    { message: 'partTimeFactor must be a number with at most two decimals' },
  )
  @Min(LIMITS.partTimeFactorMin)
  @Max(LIMITS.partTimeFactorMax)
  partTimeFactor?: number;
}

export class AcceptInvitationDto {
  @IsString()
  @MinLength(LIMITS.passwordMin, {
    message: `password must be at least ${LIMITS.passwordMin} characters`,
  })
  @MaxLength(LIMITS.passwordMax)
  password: string;
}

/** Pasted lines `name, email[, team]`, all invited with one role. */
export class BulkInvitationDto {
  @IsString()
  @MaxLength(LIMITS.bulkInviteTextMax)
  text: string;

  @IsOmittable()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;
}
