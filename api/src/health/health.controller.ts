import { Controller, Get, HttpCode, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { databaseUnavailable } from '../common/database-unavailable';
import { BUILD_ID } from './build-id';
import { DatabaseProbe } from './database-probe';

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly database: DatabaseProbe) {}

  /** Liveness: the process answers. */
  @Get()
  @HttpCode(200)
  live(): { status: 'ok'; build: string } {
    return { status: 'ok', build: BUILD_ID };
  }

  /** Readiness: the database answers within a second. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    if (!(await this.database.answers(1000))) {
      throw databaseUnavailable();
    }
    return { status: 'ok', database: 'up' };
  }
}
