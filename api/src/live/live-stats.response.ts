import { ApiProperty } from '@nestjs/swagger';
import type { LiveStatsDto } from '@bravo/shared';

export class LiveStatsResponse implements LiveStatsDto {
  /** Sockets connected to this instance. */
  sockets: number;
  /** Messages delivered to this instance's sockets since it started. */
  messagesSent: number;
  /** CPU (µs, user + system) this process spent sending them. */
  fanOutCpuMicros: number;
  @ApiProperty({ type: Number, nullable: true })
  cpuMicrosPerMessage: number | null;
}
