import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { smtpTransport, type MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from './retry-backoff';

/** A claimed message not marked sent or failed by then is taken again (worker gone). */
const LEASE_MS = 120_000;
const BATCH = 20;

/**
 * Sends the outbox: on a timer, and at once when a mail was queued here. Each instance
 * runs one; claims use SKIP LOCKED, so several instances never take the same message.
 * A failed send is retried with a doubling backoff, so a mail-server outage loses nothing.
 */
@Injectable()
export class OutboxWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OutboxWorker.name);
  private transport?: MailTransport;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.SMTP_URL) {
      return;
    }
    this.transport = smtpTransport(this.config.SMTP_URL, this.config.MAIL_FROM);
    this.timer = setInterval(() => this.wake(), this.config.MAIL_POLL_MS);
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** Looks for due mail now (once more after the current pass, if one is running). */
  wake(): void {
    if (!this.transport || this.stopped) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      let sent: number;
      do {
        sent = await this.pass();
      } while (sent === BATCH && !this.stopped);
    } catch (error) {
      // The database is away: the next tick tries again.
      this.logger.warn(`outbox not read: ${(error as Error).message}`);
    }
  }

  private async pass(): Promise<number> {
    const transport = this.transport;
    if (!transport) {
      return 0;
    }
    const now = this.clock.now();
    const claimed = await this.outbox.claimDue(now, new Date(now.getTime() + LEASE_MS), BATCH);
    for (const message of claimed) {
      try {
        await transport.send({
          to: message.recipient,
          subject: message.subject,
          text: message.body,
        });
        await this.outbox.markSent(message.id, this.clock.now());
      } catch (error) {
        const reason = (error as Error).message;
        const giveUp = message.attempts >= MAX_MAIL_ATTEMPTS;
        const retryAt = giveUp
          ? null
          : new Date(
              this.clock.now().getTime() +
                retryDelayMs(message.attempts, this.config.MAIL_RETRY_BASE_MS),
            );
        this.logger.warn(
          `mail ${message.id} not sent (attempt ${message.attempts}${giveUp ? ', given up' : ''}): ${reason}`,
        );
        await this.outbox.markFailed(message.id, reason, retryAt, this.clock.now());
      }
    }
    return claimed.length;
  }
}
