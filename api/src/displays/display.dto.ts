import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PartialType, PickType } from '@nestjs/swagger';
import {
  DISPLAY_PANELS,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type DisplayPanel,
  type DisplayScope,
  type NameStyle,
} from '@bravo/shared';
import { LIMITS } from '@bravo/shared';
import { IsOmittable, Trim } from '../common/validators';

export class CreateDisplayDto {
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(80)
  name: string;

  @IsIn(DISPLAY_SCOPES, { message: `scope must be one of ${DISPLAY_SCOPES.join(', ')}` })
  scope: DisplayScope;

  @ValidateIf(
    (o: CreateDisplayDto) => o.scope === 'team' || (o.teamId !== undefined && o.teamId !== null),
  )
  @IsUUID('all', { message: 'teamId must be a team id (required for a team screen)' })
  teamId?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'panels must name at least one panel' })
  @ArrayMaxSize(DISPLAY_PANELS.length)
  @ArrayUnique()
  @IsIn(DISPLAY_PANELS, {
    each: true,
    message: `panels must be among ${DISPLAY_PANELS.join(', ')}`,
  })
  panels?: DisplayPanel[];

  @IsOmittable()
  @IsInt()
  @Min(5)
  @Max(300)
  rotationSeconds?: number;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(50)
  topN?: number;

  @IsOmittable()
  @IsIn(NAME_STYLES, { message: `nameStyle must be one of ${NAME_STYLES.join(', ')}` })
  nameStyle?: NameStyle;
}

/** Claims the code a TV shows; the rest are the new screen's settings. */
export class PairDisplayDto extends CreateDisplayDto {
  /** As typed: case, spaces and dashes do not matter. */
  @IsString()
  @MinLength(1, { message: 'code must not be empty' })
  @MaxLength(LIMITS.pairingCodeInputMax)
  code: string;
}

/** What can change after creation; the scope and team stay (make a new screen for another). */
export class UpdateDisplayDto extends PartialType(
  PickType(CreateDisplayDto, ['name', 'panels', 'rotationSeconds', 'topN', 'nameStyle'] as const),
) {}
