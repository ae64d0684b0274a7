import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LiveStatsDto } from '@bravo/shared';
import { Public } from '../auth/auth.decorators';
import { LiveGateway } from './live.gateway';
import { LiveStatsResponse } from './live-stats.response';

/**
 * This instance's live load, for operators and the benchmark: how many sockets
 * it holds and what pushing to them has cost. Counts only, nothing of any organisation.
 */
@ApiTags('health')
@Public()
@Controller({ path: 'health/live', version: VERSION_NEUTRAL })
export class LiveStatsController {
  constructor(private readonly gateway: LiveGateway) {}

  @Get()
  @ApiOkResponse({ type: LiveStatsResponse })
  stats(): LiveStatsDto {
    const { messages, cpuMicros } = this.gateway.sent;
    return {
      sockets: this.gateway.connected,
      messagesSent: messages,
      fanOutCpuMicros: cpuMicros,
      cpuMicrosPerMessage: messages > 0 ? Math.round((cpuMicros / messages) * 100) / 100 : null,
    };
  }
}
