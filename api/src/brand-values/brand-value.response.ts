import { ApiProperty } from '@nestjs/swagger';
import type { BrandValueDto } from '@bravo/shared';

export class BrandValueResponse implements BrandValueDto {
  id: string;
  name: string;
  hashtag: string;
  description: string;
  @ApiProperty({ type: String, nullable: true })
  emoji: string | null;
  color: string;
  archived: boolean;
}
