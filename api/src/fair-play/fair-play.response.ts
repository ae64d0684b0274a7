import { ApiProperty } from '@nestjs/swagger';
import type { FairPlayFlag } from '@bravo/shared';

export class FairPlayFlagResponse implements FairPlayFlag {
  @ApiProperty({ enum: ['reciprocal_pair', 'allowance_dumping'] })
  kind: 'reciprocal_pair' | 'allowance_dumping';
  memberIds: string[];
  names: string[];
  /** Human-readable reason with the numbers behind it. */
  reason: string;
  points: number;
}
