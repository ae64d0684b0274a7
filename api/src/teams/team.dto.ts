import { IsString, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '@bravo/shared';
import { Trim } from '../common/validators';

export class TeamInput {
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.teamNameMax)
  name: string;
}
