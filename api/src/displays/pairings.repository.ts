import { Injectable } from '@nestjs/common';
import { IsNull, LessThan, MoreThan } from 'typeorm';
import { Db } from '../database/current-manager';
import { DisplayPairing } from './display-pairing.entity';

/** The only code touching `display_pairings`. */
@Injectable()
export class PairingsRepository {
  constructor(private readonly db: Db) {}

  private get pairings() {
    return this.db.tx.getRepository(DisplayPairing);
  }

  insert(
    fields: Pick<DisplayPairing, 'codeHash' | 'secretHash' | 'expiresAt'>,
  ): Promise<DisplayPairing> {
    return this.pairings.save({ ...fields, organizationId: null, displayId: null });
  }

  /** Pairings whose codes ran out are of no use to anyone: they go when a new one starts. */
  async deleteExpired(now: Date): Promise<void> {
    await this.pairings.delete({ expiresAt: LessThan(now), displayId: IsNull() });
  }

  findBySecretHash(secretHash: string): Promise<DisplayPairing | null> {
    return this.pairings.findOne({ where: { secretHash } });
  }

  /** A waiting, unexpired code, locked until the transaction ends: two admins cannot both pair it. */
  findWaitingForClaim(codeHash: string, now: Date): Promise<DisplayPairing | null> {
    return this.pairings.findOne({
      where: { codeHash, displayId: IsNull(), expiresAt: MoreThan(now) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markClaimed(id: string, organizationId: string, displayId: string): Promise<void> {
    await this.pairings.update({ id }, { organizationId, displayId });
  }
}
