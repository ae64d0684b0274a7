import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SESSION_TTL_DAYS } from '@bravo/shared';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { hashToken, newSecretToken } from '../common/tokens';
import { DomainEvents } from '../events/domain-events';
import type { AuthMember } from './auth-member';
import { Session } from './session.entity';

interface SessionRow {
  session_id: string;
  id: string;
  name: string;
  organization_id: string;
  role: AuthMember['role'];
  team_id: string | null;
  managed_team_ids: string[];
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /** Opens a session and returns the secret token (shown to the client once). */
  async open(
    manager: EntityManager,
    member: { id: string; organizationId: string },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_TTL_DAYS * 86_400_000);
    await manager.insert(Session, {
      organizationId: member.organizationId,
      memberId: member.id,
      tokenHash: hashToken(token),
      expiresAt,
      revokedAt: null,
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
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id AS session_id, m.id, m.name, m.organization_id, m.role, m.team_id,
              COALESCE(array_agg(tm.team_id ORDER BY tm.team_id) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS managed_team_ids
         FROM sessions s
         JOIN members m ON m.id = s.member_id AND m.active
         LEFT JOIN team_managers tm ON tm.member_id = m.id
        WHERE ${key} = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
        GROUP BY s.id, m.id`,
      [value, this.clock.now()],
    );
    const row = rows[0];
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
    const result = await this.db
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: this.clock.now() })
      .where({ id: sessionId, revokedAt: IsNull() })
      .returning('organization_id')
      .execute();
    const [ended] = result.raw as { organization_id: string }[];
    if (ended) {
      this.events.emit('session.revoked', {
        organizationId: ended.organization_id,
        sessionIds: [sessionId],
      });
    }
  }
}
