import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentDto, ReactionCount } from '@bravo/shared';
import { DataSource } from 'typeorm';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-exception';

/** Reactions and comments: no points move, so no ledger. */
@Injectable()
export class KudosSocialService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async react(caller: AuthMember, kudosId: string, emoji: string): Promise<ReactionCount[]> {
    await this.assertVisible(caller, kudosId);
    await this.db.query(
      `INSERT INTO kudos_reactions (kudos_id, member_id, emoji, organization_id, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [kudosId, caller.id, emoji, caller.organizationId, this.clock.now()],
    );
    return this.reactions(caller, kudosId);
  }

  async unreact(caller: AuthMember, kudosId: string, emoji: string): Promise<ReactionCount[]> {
    await this.assertVisible(caller, kudosId);
    await this.db.query(
      `DELETE FROM kudos_reactions WHERE kudos_id = $1 AND member_id = $2 AND emoji = $3`,
      [kudosId, caller.id, emoji],
    );
    return this.reactions(caller, kudosId);
  }

  async comments(caller: AuthMember, kudosId: string): Promise<CommentDto[]> {
    await this.assertVisible(caller, kudosId);
    const rows: {
      id: string;
      body: string;
      created_at: Date;
      author_id: string;
      name: string;
      team_id: string | null;
    }[] = await this.db.query(
      `SELECT c.id, c.body, c.created_at, m.id AS author_id, m.name, m.team_id
           FROM kudos_comments c JOIN members m ON m.id = c.author_id
          WHERE c.kudos_id = $1 ORDER BY c.created_at, c.id LIMIT 500`,
      [kudosId],
    );
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      author: { id: r.author_id, name: r.name, teamId: r.team_id },
    }));
  }

  async comment(caller: AuthMember, kudosId: string, body: string): Promise<CommentDto> {
    await this.assertVisible(caller, kudosId);
    const now = this.clock.now();
    const [row] = await this.db.query(
      `INSERT INTO kudos_comments (kudos_id, organization_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [kudosId, caller.organizationId, caller.id, body, now],
    );
    const [me] = await this.db.query(`SELECT name, team_id FROM members WHERE id = $1`, [
      caller.id,
    ]);
    return {
      id: row.id,
      body,
      createdAt: now.toISOString(),
      author: { id: caller.id, name: me.name, teamId: me.team_id },
    };
  }

  private async reactions(caller: AuthMember, kudosId: string): Promise<ReactionCount[]> {
    return this.db.query(
      `SELECT emoji, count(*)::int AS count, bool_or(member_id = $2) AS mine
         FROM kudos_reactions WHERE kudos_id = $1 GROUP BY emoji ORDER BY min(created_at)`,
      [kudosId, caller.id],
    );
  }

  private async assertVisible(caller: AuthMember, kudosId: string): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM kudos WHERE id = $1 AND organization_id = $2 AND withdrawn_at IS NULL AND hidden_at IS NULL`,
      [kudosId, caller.organizationId],
    );
    if (rows.length === 0) {
      throw notFound('Kudos');
    }
  }
}
