import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { Db } from '../database/current-manager';
import type { AuthMember } from './auth-member';
import { Session } from './session.entity';

/** Row of `findOpen`. */
interface OpenSessionRow {
  session_id: string;
  id: string;
  name: string;
  organization_id: string;
  role: AuthMember['role'];
  team_id: string | null;
  managed_team_ids: string[];
}

/** One login, or every login of a member (but the one they are using, with `exceptId`). */
export type RevokeWhere = { id: string } | { memberId: string; exceptId?: string };

/** The only code touching `sessions`. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  private get sessions() {
    return this.db.tx.getRepository(Session);
  }

  async insert(session: Pick<Session, 'organizationId' | 'memberId' | 'tokenHash' | 'expiresAt'>) {
    await this.sessions.insert({ ...session, revokedAt: null });
  }

  /**
   * The active member behind an open session. The hot path (every request): one indexed
   * query that also reads members and team_managers — read-only, so kept in one place here
   * rather than three round trips through the members feature.
   */
  async findOpen(
    key: 's.token_hash' | 's.id',
    value: string,
    now: Date,
  ): Promise<OpenSessionRow | null> {
    const rows = await this.db.tx.query<OpenSessionRow[]>(
      `SELECT s.id AS session_id, m.id, m.name, m.organization_id, m.role, m.team_id,
              COALESCE(array_agg(tm.team_id ORDER BY tm.team_id) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS managed_team_ids
         FROM sessions s
         JOIN members m ON m.id = s.member_id AND m.active
         LEFT JOIN team_managers tm ON tm.member_id = m.id
        WHERE ${key} = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
        GROUP BY s.id, m.id`,
      [value, now],
    );
    return rows[0] ?? null;
  }

  /** Ends open sessions; returns the ids and organisation of those it ended. */
  async revoke(where: RevokeWhere, now: Date): Promise<{ id: string; organization_id: string }[]> {
    const match =
      'id' in where
        ? { id: where.id }
        : {
            memberId: where.memberId,
            ...(where.exceptId ? { id: Not(where.exceptId) } : {}),
          };
    const result = await this.sessions
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: now })
      .where({ ...match, revokedAt: IsNull() })
      .returning(['id', 'organization_id'])
      .execute();
    return result.raw as { id: string; organization_id: string }[];
  }
}
