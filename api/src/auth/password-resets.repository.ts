import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db } from '../database/current-manager';
import { PasswordReset } from './password-reset.entity';

/** The only code touching `password_resets`. */
@Injectable()
export class PasswordResetsRepository {
  constructor(private readonly db: Db) {}

  private get resets() {
    return this.db.tx.getRepository(PasswordReset);
  }

  async insert(
    fields: Pick<
      PasswordReset,
      'organizationId' | 'memberId' | 'tokenHash' | 'createdById' | 'expiresAt'
    >,
  ): Promise<void> {
    await this.resets.insert({ ...fields, usedAt: null, revokedAt: null });
  }

  /** Ends a member's unused links: only the newest one works. */
  async revokeUnused(organizationId: string, memberId: string, now: Date): Promise<void> {
    await this.resets.update(
      { organizationId, memberId, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: now },
    );
  }

  /** Locked until the current transaction ends when `lock` is set. */
  findByTokenHash(tokenHash: string, lock: boolean): Promise<PasswordReset | null> {
    return this.resets.findOne({
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markUsed(id: string, now: Date): Promise<void> {
    await this.resets.update({ id }, { usedAt: now });
  }
}
