import { Controller, Get, HttpCode, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { databaseUnavailable } from '../common/database-unavailable';
import { BUILD_ID } from './build-id';
import { LivenessResponse, ReadinessResponse } from './health.response';

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ type: LivenessResponse })
  live(): { status: 'ok'; build: string } {
    return { status: 'ok', build: BUILD_ID };
  }

  /** Readiness: the database answers within a second. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponse })
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
      ]);
      return { status: 'ok', database: 'up' };
    } catch {
      throw databaseUnavailable();
    }
  }
}
