import { Injectable } from '@nestjs/common';
import { Db } from '../database/current-manager';
import { OutboxMessage } from './outbox-message.entity';

/** Row of `claimDue`. */
export interface ClaimedMessageRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/** The only code touching `outbox`. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  private get outbox() {
    return this.db.tx.getRepository(OutboxMessage);
  }

  /** Joins the caller's transaction: the mail exists exactly when what caused it committed. */
  async insert(
    message: Pick<
      OutboxMessage,
      'organizationId' | 'kind' | 'recipient' | 'subject' | 'body' | 'nextAttemptAt'
    >,
  ): Promise<void> {
    await this.outbox.insert({ ...message, attempts: 0, sentAt: null, failedAt: null });
  }

  /**
   * Takes up to `limit` due messages for one worker: one statement, and SKIP LOCKED so
   * workers on other instances take other rows. The claim pushes `next_attempt_at` to
   * `leaseUntil`, so a worker that dies mid-send leaves the message to be retried then.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessageRow[]> {
    return this.db.tx
      .query<[ClaimedMessageRow[], number]>(
        `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2
          WHERE id IN (SELECT id FROM outbox
                        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                        ORDER BY next_attempt_at
                        LIMIT $3
                        FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, subject, body, attempts`,
        [now, leaseUntil, limit],
      )
      .then(([rows]) => rows);
  }

  /** The body goes once sent: it holds one-time links (invitations, resets) in the clear. */
  async markSent(id: string, now: Date): Promise<void> {
    await this.db.tx.query(
      `UPDATE outbox SET sent_at = $2, last_error = NULL, body = '' WHERE id = $1 AND sent_at IS NULL`,
      [id, now],
    );
  }

  /** A failed send: tried again at `retryAt`, or given up when that is null. */
  async markFailed(id: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await this.db.tx.query(
      `UPDATE outbox SET last_error = $2,
              next_attempt_at = COALESCE($3, next_attempt_at),
              failed_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz END
        WHERE id = $1`,
      [id, error.slice(0, 500), retryAt, now],
    );
  }
}
