import { Inject, Injectable } from '@nestjs/common';
import type { Locale } from '@bravo/shared';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { renderMail, type MailKind, type MailParams } from './mail-templates';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox-worker';

export interface MailTo<K extends MailKind> {
  organizationId: string;
  to: string;
  locale: Locale;
  kind: K;
  params: MailParams[K];
}

/** Queues e-mail; the `OutboxWorker` sends it. Without `SMTP_URL` nothing is queued. */
@Injectable()
export class MailService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transactions: Transactions,
    private readonly worker: OutboxWorker,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether e-mail is configured: when not, links are shown to copy instead. */
  get enabled(): boolean {
    return this.config.SMTP_URL !== undefined;
  }

  /**
   * Queues one mail, written in the recipient's language, inside the caller's transaction
   * (a rollback drops it too). Never waits for the mail server. False when mail is off.
   */
  async enqueue<K extends MailKind>(mail: MailTo<K>): Promise<boolean> {
    if (!this.enabled) {
      return false;
    }
    const { subject, body } = renderMail(mail.kind, mail.locale, mail.params);
    await this.outbox.insert({
      organizationId: mail.organizationId,
      kind: mail.kind,
      recipient: mail.to,
      subject,
      body,
      nextAttemptAt: this.clock.now(),
    });
    this.transactions.afterCommit(() => this.worker.wake());
    return true;
  }
}
