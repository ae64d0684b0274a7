import { Injectable } from '@nestjs/common';
import { Db } from '../database/current-manager';

/** Which approved stories a feed page asks for. */
export interface PraiseCardFilter {
  /** Only stories strictly older than this feed position (approved at, praise id). */
  before?: { at: Date; id: string };
  /** Stories about this team. */
  teamId?: string;
  /** Stories naming this member. */
  memberId?: string;
  /** Stories approved for this brand value. */
  valueId?: string;
  /** Just this story (a live push of one approval). */
  praiseId?: string;
}

export interface PraiseCardRow {
  id: string;
  team_id: string | null;
  team_name: string | null;
  text: string;
  rating: number | null;
  customer_name: string | null;
  value_id: string | null;
  value_name: string | null;
  value_emoji: string | null;
  value_color: string | null;
  points: number;
  reviewed_at: Date;
}

export interface PraiseCardMemberRow {
  praise_id: string;
  id: string;
  name: string;
  team_id: string | null;
}

/**
 * Approved stories as cards, read with the partial index `praise_feed`. Every join and
 * subquery repeats the organisation, so nothing of another organisation can come along.
 */
@Injectable()
export class PraiseCardQueries {
  constructor(private readonly db: Db) {}

  /** Newest approval first, ties by id descending (as the rest of the feed orders). */
  cards(organizationId: string, filter: PraiseCardFilter, limit: number): Promise<PraiseCardRow[]> {
    const params: unknown[] = [organizationId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['p.organization_id = $1', "p.status = 'approved'"];
    if (filter.before) {
      where.push(
        `(p.reviewed_at, p.id) < (${param(filter.before.at)}, ${param(filter.before.id)})`,
      );
    }
    if (filter.teamId) {
      where.push(`p.team_id = ${param(filter.teamId)}`);
    }
    if (filter.memberId) {
      where.push(
        `EXISTS (SELECT 1 FROM praise_members pm
                  WHERE pm.praise_id = p.id AND pm.organization_id = $1
                    AND pm.member_id = ${param(filter.memberId)})`,
      );
    }
    if (filter.valueId) {
      where.push(`p.value_id = ${param(filter.valueId)}`);
    }
    if (filter.praiseId) {
      where.push(`p.id = ${param(filter.praiseId)}`);
    }
    return this.db.tx.query<PraiseCardRow[]>(
      `SELECT p.id, p.team_id, t.name AS team_name, p.text, p.rating, p.customer_name,
              p.value_id, v.name AS value_name, v.emoji AS value_emoji, v.color AS value_color,
              p.points, p.reviewed_at
         FROM praise p
         LEFT JOIN teams t ON t.id = p.team_id AND t.organization_id = $1
         LEFT JOIN brand_values v ON v.id = p.value_id AND v.organization_id = $1
        WHERE ${where.join(' AND ')}
        ORDER BY p.reviewed_at DESC, p.id DESC
        LIMIT ${param(limit)}`,
      params,
    );
  }

  /** The employees these stories name, by name — members of the organisation only. */
  members(organizationId: string, praiseIds: string[]): Promise<PraiseCardMemberRow[]> {
    if (praiseIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.db.tx.query<PraiseCardMemberRow[]>(
      `SELECT pm.praise_id, m.id, m.name, m.team_id
         FROM praise_members pm
         JOIN members m ON m.id = pm.member_id AND m.organization_id = $1
        WHERE pm.organization_id = $1 AND pm.praise_id = ANY($2::uuid[])
        ORDER BY m.name, m.id`,
      [organizationId, praiseIds],
    );
  }
}
