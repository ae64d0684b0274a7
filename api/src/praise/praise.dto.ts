import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
} from 'class-validator';
import { LIMITS, PRAISE_CHANNELS, PRAISE_LIMITS, type PraiseChannel } from '@bravo/shared';
import { IsOmittable, Trim } from '../common/validators';

/** The customer's words, rating and first name: the same from staff and from the public page. */
class PraiseWordsInput {
  @Trim()
  @IsString()
  @MinLength(PRAISE_LIMITS.textMin)
  @MaxLength(PRAISE_LIMITS.textMax)
  text: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 5 })
  rating?: number | null;

  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(PRAISE_LIMITS.customerNameMax)
  customerName?: string;
}

/** What a customer said, as an employee or manager records it. */
export class RecordPraiseInput extends PraiseWordsInput {
  /** The store it is about; left out: the recorder's own team. */
  @IsOmittable()
  @IsUUID('all')
  teamId?: string;

  /** The employees it names; empty: the whole team. */
  @IsArray()
  @ArrayMaxSize(PRAISE_LIMITS.membersMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds: string[];

  @IsIn(PRAISE_CHANNELS)
  channel: PraiseChannel;
}

/** What a customer sends from a team's public page (no account). */
export class PublicPraiseInput extends PraiseWordsInput {
  /** The staff member praised; left out: the store. */
  @IsOmittable()
  @IsUUID('all')
  memberId?: string;

  /** An e-mail address or phone number; kept only with `consent`. */
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(PRAISE_LIMITS.contactMax)
  contact?: string;

  @IsOmittable()
  @IsBoolean()
  consent?: boolean;

  /** The page's `startedAt`, handed back. */
  @IsInt()
  @Min(0)
  startedAt: number;

  /** Left empty by people; a field only bots fill in. */
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  website?: string;
}

export class ApprovePraiseInput {
  /** The brand value the story shows. */
  @IsUUID('all')
  valueId: string;
}

export class RejectPraiseInput {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(PRAISE_LIMITS.rejectReasonMax)
  reason: string;
}

/** A page of approved stories (a profile's "What customers said"), newest approval first. */
export class PraiseCardsQuery {
  /** Only stories naming this member. */
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a member id' })
  memberId?: string;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ default: LIMITS.feedPageDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.feedPageMax)
  limit: number = LIMITS.feedPageDefault;
}
