import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

export interface KudosRow {
  id: string;
  giver_id: string;
  giver_name: string;
  giver_team_id: string | null;
  value_id: string;
  value_name: string;
  value_hashtag: string;
  value_emoji: string | null;
  value_color: string;
  message: string;
  points: number;
  created_at: Date;
}

export interface PersonRow {
  id: string;
  name: string;
  team_id: string | null;
}

export interface RecipientOfRow extends PersonRow {
  kudos_id: string;
}

export interface BoostOfRow extends PersonRow {
  kudos_id: string;
  points: number;
  created_at: Date;
}

export interface ReactionOfRow {
  kudos_id: string;
  emoji: string;
  count: number;
  mine: boolean;
}

interface CountOfRow {
  kudos_id: string;
  count: number;
}

/** A feed filter: SQL conditions over `k` (kudos) with their parameters, numbered from $1. */
export interface FeedFilter {
  where: string;
  params: unknown[];
}

/**
 * The feed's read SQL: kudos with giver and value, then recipients, boosts, reactions
 * and comment counts of a page, each in one query whatever the page holds.
 */
@Injectable()
export class KudosFeedQueries {
  constructor(private readonly db: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** `filter.where` may end with ORDER BY / LIMIT; only ever built from fixed fragments and `$n` parameters. */
  kudos(filter: FeedFilter): Promise<KudosRow[]> {
    return this.db.tx.query<KudosRow[]>(
      `SELECT k.id, k.giver_id, g.name AS giver_name, g.team_id AS giver_team_id,
              k.value_id, v.name AS value_name, v.hashtag AS value_hashtag, v.emoji AS value_emoji, v.color AS value_color,
              k.message, k.points, k.created_at
         FROM kudos k
         JOIN members g ON g.id = k.giver_id
         JOIN brand_values v ON v.id = k.value_id
        WHERE ${filter.where}`,
      filter.params,
    );
  }

  recipients(ids: string[]): Promise<RecipientOfRow[]> {
    return this.db.tx.query<RecipientOfRow[]>(
      `SELECT r.kudos_id, m.id, m.name, m.team_id FROM kudos_recipients r JOIN members m ON m.id = r.member_id
        WHERE r.kudos_id = ANY($1)`,
      [ids],
    );
  }

  boosts(ids: string[]): Promise<BoostOfRow[]> {
    return this.db.tx.query<BoostOfRow[]>(
      `SELECT b.kudos_id, b.points, b.created_at, m.id, m.name, m.team_id FROM kudos_boosts b
         JOIN members m ON m.id = b.booster_id WHERE b.kudos_id = ANY($1) ORDER BY b.created_at`,
      [ids],
    );
  }

  reactions(ids: string[], viewerId: string | null): Promise<ReactionOfRow[]> {
    return this.db.tx.query<ReactionOfRow[]>(
      `SELECT kudos_id, emoji, count(*)::int AS count, bool_or(member_id = $2) AS mine
         FROM kudos_reactions WHERE kudos_id = ANY($1) GROUP BY kudos_id, emoji ORDER BY min(created_at)`,
      [ids, viewerId],
    );
  }

  async commentCounts(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.db.tx.query<CountOfRow[]>(
      `SELECT kudos_id, count(*)::int AS count FROM kudos_comments WHERE kudos_id = ANY($1) GROUP BY kudos_id`,
      [ids],
    );
    return new Map(rows.map((c) => [c.kudos_id, c.count]));
  }
}
