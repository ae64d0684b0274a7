import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LIMITS } from '@bravo/shared';
import { Trim } from '../common/validators';

/** Hard outer bounds; the organisation's own rules are checked by the service. */
export class CreateKudosDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'recipientIds must name at least one colleague' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'recipientIds must not repeat a colleague' })
  @IsUUID('all', { each: true, message: 'recipientIds must contain member ids' })
  recipientIds: string[];

  @IsUUID('all', { message: 'valueId must be a brand value id' })
  valueId: string;

  @Trim()
  @IsString()
  @MinLength(LIMITS.kudosMessageMin, {
    message: `message must be at least ${LIMITS.kudosMessageMin} characters`,
  })
  @MaxLength(LIMITS.kudosMessageMax, {
    message: `message must be at most ${LIMITS.kudosMessageMax} characters`,
  })
  message: string;

  @IsInt({ message: 'points must be a whole number' })
  @Min(0, { message: 'points must not be negative' })
  @Max(10000)
  points: number;
}

export class CreateBoostDto {
  @IsInt({ message: 'points must be a whole number' })
  @Min(1, { message: 'points must be at least 1' })
  @Max(10000)
  points: number;
}

/** One emoji (a pictographic grapheme, possibly with modifiers). */
export class ReactionDto {
  @IsString()
  @MaxLength(16)
  @Matches(
    /^\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)*$/u,
    {
      message: 'emoji must be a single emoji',
      context: { code: 'invalid_emoji' },
    },
  )
  @ApiProperty({ example: '👏' })
  emoji: string;
}

export class CreateCommentDto {
  @Trim()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(LIMITS.commentMax)
  body: string;
}

export class FeedQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @IsUUID('all', { message: 'valueId must be a brand value id' })
  valueId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a member id' })
  memberId?: string;

  @ApiPropertyOptional({ default: LIMITS.feedPageDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.feedPageMax)
  limit: number = LIMITS.feedPageDefault;
}
