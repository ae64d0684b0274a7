import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

interface StoredRow {
  request_hash: string;
  response_body: unknown;
}

/** The only code touching `idempotency_keys`. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Claims the key; false when it was claimed before (a concurrent claim waits on the row). */
  async claim(
    caller: { id: string; organizationId: string },
    key: string,
    requestHash: string,
  ): Promise<boolean> {
    const claimed = await this.db.tx.query<unknown[]>(
      `INSERT INTO idempotency_keys (member_id, key, organization_id, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [caller.id, key, caller.organizationId, requestHash],
    );
    return claimed.length > 0;
  }

  async stored(memberId: string, key: string): Promise<StoredRow> {
    const [row] = await this.db.tx.query<StoredRow[]>(
      `SELECT request_hash, response_body FROM idempotency_keys WHERE member_id = $1 AND key = $2`,
      [memberId, key],
    );
    return row;
  }

  async store(memberId: string, key: string, result: unknown): Promise<void> {
    await this.db.tx.query(
      `UPDATE idempotency_keys SET response_body = $3 WHERE member_id = $1 AND key = $2`,
      [memberId, key, JSON.stringify(result)],
    );
  }
}
