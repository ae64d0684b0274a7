import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { SESSION_TTL_DAYS } from '@bravo/shared';
import { Clock } from '../common/clock';
import { hashToken, newSecretToken } from '../common/tokens';
import { Transactions } from '../database/transactions';
import { DomainEvents } from '../events/domain-events';
import type { AuthMember } from './auth-member';
import { SessionsRepository, type RevokeWhere } from './sessions.repository';

@Injectable()
export class SessionsService implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: SessionsRepository,
    private readonly transactions: Transactions,
    @Inject(Clock) private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    // A deactivated member's logins end in the same transaction as the deactivation.
    this.unsubscribe = this.events.handle('member.deactivated', ({ organizationId, memberId }) =>
      this.end({ memberId }, organizationId),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Opens a session and returns the secret token (shown to the client once). */
  async open(member: {
    id: string;
    organizationId: string;
  }): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_TTL_DAYS * 86_400_000);
    await this.repository.insert({
      organizationId: member.organizationId,
      memberId: member.id,
      tokenHash: hashToken(token),
      expiresAt,
    });
    return { token, expiresAt };
  }

  /** The active member behind a token, or null: one indexed query per request. */
  authenticate(token: string): Promise<AuthMember | null> {
    return this.find('s.token_hash', hashToken(token));
  }

  /** The active member of a login still open, or null (a live connection re-checks what opened it). */
  stillOpen(sessionId: string): Promise<AuthMember | null> {
    return this.find('s.id', sessionId);
  }

  private async find(key: 's.token_hash' | 's.id', value: string): Promise<AuthMember | null> {
    const row = await this.repository.findOpen(key, value, this.clock.now());
    if (!row) {
      return null;
    }
    return {
      id: row.id,
      name: row.name,
      organizationId: row.organization_id,
      role: row.role,
      teamId: row.team_id,
      managedTeamIds: row.managed_team_ids,
      sessionId: row.session_id,
    };
  }

  /** Ends a login; its live connections are closed after commit. */
  async revoke(sessionId: string): Promise<void> {
    await this.end({ id: sessionId });
  }

  /** Ends a member's logins, but `exceptId` (the one changing the password) when given. */
  async revokeAllOf(organizationId: string, memberId: string, exceptId?: string): Promise<void> {
    await this.end({ memberId, exceptId }, organizationId);
  }

  private async end(where: RevokeWhere, organizationId?: string): Promise<void> {
    const ended = await this.repository.revoke(where, this.clock.now());
    if (ended.length > 0) {
      const payload = {
        organizationId: organizationId ?? ended[0].organization_id,
        sessionIds: ended.map((s) => s.id),
      };
      this.transactions.afterCommit(() => this.events.emit('session.revoked', payload));
    }
  }
}
