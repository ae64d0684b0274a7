import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { ReactionCount } from '@bravo/shared';

export interface CommentRow {
  id: string;
  body: string;
  created_at: Date;
  author_id: string;
  name: string;
  team_id: string | null;
}

interface IdRow {
  id: string;
}

/** The only code touching `kudos_reactions` and `kudos_comments`. */
@Injectable()
export class KudosSocialRepository {
  constructor(private readonly db: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async isVisible(organizationId: string, kudosId: string): Promise<boolean> {
    const rows = await this.db.tx.query<unknown[]>(
      `SELECT 1 FROM kudos WHERE id = $1 AND organization_id = $2 AND withdrawn_at IS NULL AND hidden_at IS NULL`,
      [kudosId, organizationId],
    );
    return rows.length > 0;
  }

  async addReaction(r: {
    kudosId: string;
    memberId: string;
    emoji: string;
    organizationId: string;
    at: Date;
  }): Promise<void> {
    await this.db.tx.query(
      `INSERT INTO kudos_reactions (kudos_id, member_id, emoji, organization_id, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [r.kudosId, r.memberId, r.emoji, r.organizationId, r.at],
    );
  }

  async removeReaction(kudosId: string, memberId: string, emoji: string): Promise<void> {
    await this.db.tx.query(
      `DELETE FROM kudos_reactions WHERE kudos_id = $1 AND member_id = $2 AND emoji = $3`,
      [kudosId, memberId, emoji],
    );
  }

  reactions(kudosId: string, viewerId: string): Promise<ReactionCount[]> {
    return this.db.tx.query<ReactionCount[]>(
      `SELECT emoji, count(*)::int AS count, bool_or(member_id = $2) AS mine
         FROM kudos_reactions WHERE kudos_id = $1 GROUP BY emoji ORDER BY min(created_at)`,
      [kudosId, viewerId],
    );
  }

  comments(kudosId: string): Promise<CommentRow[]> {
    return this.db.tx.query<CommentRow[]>(
      `SELECT c.id, c.body, c.created_at, m.id AS author_id, m.name, m.team_id
         FROM kudos_comments c JOIN members m ON m.id = c.author_id
        WHERE c.kudos_id = $1 ORDER BY c.created_at, c.id LIMIT 500`,
      [kudosId],
    );
  }

  async addComment(c: {
    kudosId: string;
    organizationId: string;
    authorId: string;
    body: string;
    at: Date;
  }): Promise<string> {
    const [row] = await this.db.tx.query<IdRow[]>(
      `INSERT INTO kudos_comments (kudos_id, organization_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [c.kudosId, c.organizationId, c.authorId, c.body, c.at],
    );
    return row.id;
  }
}
