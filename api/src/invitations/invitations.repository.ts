import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan } from 'typeorm';
import { Db } from '../database/current-manager';
import { Invitation } from './invitation.entity';

/** The only code touching `invitations`. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Db) {}

  private get invitations() {
    return this.db.tx.getRepository(Invitation);
  }

  /** Revokes the pending invitations to an address. */
  async revokePending(organizationId: string, email: string, now: Date): Promise<void> {
    await this.invitations.update(
      { organizationId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: now },
    );
  }

  insert(
    fields: Omit<Invitation, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
  ): Promise<Invitation> {
    return this.invitations.save(
      this.invitations.create({ ...fields, acceptedAt: null, revokedAt: null }),
    );
  }

  /** Pending, unexpired invitations of the organisation to these addresses. */
  usable(organizationId: string, emails: string[], now: Date): Promise<Invitation[]> {
    return this.invitations.find({
      where: {
        organizationId,
        email: In(emails),
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(now),
      },
    });
  }

  async updatePending(
    organizationId: string,
    id: string,
    fields: Partial<Pick<Invitation, 'name' | 'role' | 'teamId' | 'partTimeFactor'>>,
  ): Promise<void> {
    await this.invitations.update(
      { id, organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
      fields,
    );
  }

  async lockImports(organizationId: string): Promise<void> {
    await this.db.tx.query(`SELECT pg_advisory_xact_lock(hashtext('member-import:' || $1))`, [
      organizationId,
    ]);
  }

  listPending(organizationId: string): Promise<Invitation[]> {
    return this.invitations.find({
      where: { organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  /** Revokes one pending invitation; false when there was none. */
  async revoke(organizationId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.invitations.update(
      { id, organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: now },
    );
    return !!result.affected;
  }

  /** Locked until the current transaction ends when `lock` is set. */
  findByTokenHash(tokenHash: string, lock: boolean): Promise<Invitation | null> {
    return this.invitations.findOne({
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markAccepted(id: string, now: Date): Promise<void> {
    await this.invitations.update({ id }, { acceptedAt: now });
  }
}
