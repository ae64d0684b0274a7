import {
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { COLOR_PATTERN, HASHTAG_PATTERN, LIMITS } from '@bravo/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOmittable, Trim } from '../common/validators';

const StripHash = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().replace(/^#/, '') : value,
  );

export class CreateBrandValueDto {
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(LIMITS.valueNameMax)
  name: string;

  @StripHash()
  @IsString()
  @MinLength(1, { message: 'hashtag must not be empty' })
  @MaxLength(LIMITS.hashtagMax)
  @Matches(HASHTAG_PATTERN, {
    message: 'hashtag may contain only letters, digits and _',
    context: { code: 'invalid_hashtag' },
  })
  @ApiProperty({ example: 'WarmWelcome' })
  hashtag: string;

  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.valueDescriptionMax)
  description?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(16)
  @ApiPropertyOptional({ example: '☕', nullable: true })
  emoji?: string | null;

  @IsOmittable()
  @Matches(COLOR_PATTERN, {
    message: 'color must look like #b45309',
    context: { code: 'invalid_color' },
  })
  @ApiPropertyOptional({ example: '#b45309' })
  color?: string;
}

/** Every field may be left out (not sent as null, except `emoji`), plus archiving. */
export class UpdateBrandValueDto extends PartialType(CreateBrandValueDto, {
  skipNullProperties: false,
}) {
  @IsOmittable()
  @IsBoolean()
  archived?: boolean;
}
