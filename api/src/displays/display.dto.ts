import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Matches,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PartialType, PickType } from '@nestjs/swagger';
import {
  DISPLAY_PANELS,
  DISPLAY_SCHEDULE_MAX,
  SCHEDULE_TIME,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type DisplayPanel,
  type DisplayScope,
  type NameStyle,
} from '@bravo/shared';
import { LIMITS } from '@bravo/shared';
import { IsOmittable, Trim } from '../common/validators';

const panelsMessage = `panels must be among ${DISPLAY_PANELS.join(', ')}`;

/** Hours (organisation time) in which the screen shows other panels. */
export class DisplayScheduleSlotDto {
  @IsString()
  @Matches(SCHEDULE_TIME, { message: 'from must be a time of day as HH:MM (24 hours)' })
  from: string;

  @IsString()
  @Matches(SCHEDULE_TIME, { message: 'to must be a time of day as HH:MM (24 hours)' })
  @ValidateBy({
    name: 'differsFromFrom',
    validator: {
      validate: (to, args) => to !== (args?.object as DisplayScheduleSlotDto).from,
      defaultMessage: () => 'to must differ from from (the slot would last no time)',
    },
  })
  to: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'panels must name at least one panel' })
  @ArrayMaxSize(DISPLAY_PANELS.length)
  @ArrayUnique()
  @IsIn(DISPLAY_PANELS, { each: true, message: panelsMessage })
  panels: DisplayPanel[];
}

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
  @IsIn(DISPLAY_PANELS, { each: true, message: panelsMessage })
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

  /** Facing customers (the default for a new screen): first names only, no points, top N only. */
  @IsOmittable()
  @IsBoolean()
  publicSafe?: boolean;

  @IsOmittable()
  @IsBoolean()
  chime?: boolean;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(DISPLAY_SCHEDULE_MAX)
  @ValidateNested({ each: true })
  @Type(() => DisplayScheduleSlotDto)
  schedule?: DisplayScheduleSlotDto[];
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
  PickType(CreateDisplayDto, [
    'name',
    'panels',
    'rotationSeconds',
    'topN',
    'nameStyle',
    'publicSafe',
    'chime',
    'schedule',
  ] as const),
) {}
