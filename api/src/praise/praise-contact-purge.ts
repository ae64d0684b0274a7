import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PraiseRepository } from './praise.repository';

const HOUR_MS = 3600_000;

/**
 * Customers' contact details go once the retention period is over (90 days by default):
 * checked at start and every hour, on every instance (the update is idempotent).
 */
@Injectable()
export class PraiseContactPurge implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PraiseContactPurge.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: PraiseRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const run = () =>
      void this.purge().catch((error: unknown) =>
        this.logger.error(`contact purge failed: ${String(error)}`),
      );
    run();
    this.timer = setInterval(run, HOUR_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  /** Clears what is past the retention period now; how many stories it cleared. */
  purge(): Promise<number> {
    const days = this.config.PRAISE_CONTACT_RETENTION_DAYS;
    return this.repository.purgeContacts(new Date(this.clock.now().getTime() - days * 86_400_000));
  }
}
