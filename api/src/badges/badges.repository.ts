import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Db } from '../database/current-manager';
import { Badge, BadgeAward } from './badge.entity';

export type NewBadge = Omit<
  Badge,
  'id' | 'createdAt' | 'updatedAt' | 'organization' | 'imageId' | 'image'
> & { imageId?: string | null };

/** An award just inserted (not one that already existed). */
export interface InsertedAward {
  id: string;
  memberId: string;
  windowStart: string;
}

export interface EarnedRow {
  award_id: string;
  window_start: string;
  awarded_at: Date;
  badge: Badge;
}

/** One badge's awards made at one instant (one run), as the feed shows them. */
export interface AwardGroupRow {
  badge_id: string;
  awarded_at: Date;
  count: number;
  name: string;
  icon: Badge['icon'];
  image_id: string | null;
  description: string;
  value_id: string | null;
}

export interface AwardGroupMemberRow {
  badge_id: string;
  awarded_at: Date;
  id: string;
  name: string;
  team_id: string | null;
}

/** Which awards the feed shows: the organisation's, narrowed like the feed's kudos. */
export interface AwardGroupFilter {
  /** Only groups strictly older than this feed position (awarded_at, badge_id). */
  before?: { at: Date; id: string };
  /** Awards to members of this team. */
  teamId?: string;
  /** Awards to this member. */
  memberId?: string;
  /** Badges whose rule counts this brand value. */
  valueId?: string;
}

interface InsertedRow {
  id: string;
  member_id: string;
  window_start: string;
}

/**
 * Inserts the awards that do not exist yet and returns exactly those, in one statement:
 * the unique key (badge, member, window) makes a re-run or a concurrent run award nothing
 * more. Rows go in a fixed order, so two runs over the same members cannot deadlock.
 * A plain function on a manager so the demo seed can use it too.
 */
export async function insertAwards(
  manager: EntityManager,
  organizationId: string,
  badgeId: string,
  awards: { memberId: string; windowStart: string }[],
  at: Date,
): Promise<InsertedAward[]> {
  if (awards.length === 0) {
    return [];
  }
  const rows = await manager.query<InsertedRow[]>(
    `INSERT INTO badge_awards (organization_id, badge_id, member_id, window_start, awarded_at)
     SELECT $1, $2, x."memberId", x."windowStart", $3
       FROM jsonb_to_recordset($4::jsonb) AS x("memberId" uuid, "windowStart" date)
      ORDER BY x."memberId", x."windowStart"
     ON CONFLICT (badge_id, member_id, window_start) DO NOTHING
     RETURNING id, member_id, window_start`,
    [organizationId, badgeId, at, JSON.stringify(awards)],
  );
  return rows.map((r) => ({ id: r.id, memberId: r.member_id, windowStart: r.window_start }));
}

/** The only code touching `badges` and `badge_awards`. */
@Injectable()
export class BadgesRepository {
  constructor(private readonly db: Db) {}

  private get badges() {
    return this.db.tx.getRepository(Badge);
  }

  list(organizationId: string, opts: { activeOnly: boolean }): Promise<Badge[]> {
    return this.badges.find({
      where: opts.activeOnly ? { organizationId, active: true } : { organizationId },
      order: { createdAt: 'ASC', name: 'ASC', id: 'ASC' },
    });
  }

  /** Active badges counting one of these metrics. */
  activeFor(organizationId: string, metrics: string[]): Promise<Badge[]> {
    return this.badges.find({
      where: { organizationId, active: true, metric: In(metrics as Badge['metric'][]) },
      order: { id: 'ASC' },
    });
  }

  find(organizationId: string, id: string): Promise<Badge | null> {
    return this.badges.findOne({ where: { id, organizationId } });
  }

  /** Locked until the current transaction ends: edits of one badge queue. */
  findForUpdate(organizationId: string, id: string): Promise<Badge | null> {
    return this.badges.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Whether the upload is the image of one of the organisation's badges (screens may show it). */
  async isImage(organizationId: string, uploadId: string): Promise<boolean> {
    return this.badges.exists({ where: { organizationId, imageId: uploadId } });
  }

  insert(badge: NewBadge): Promise<Badge> {
    return this.badges.save(this.badges.create(badge));
  }

  save(badge: Badge): Promise<Badge> {
    return this.badges.save(badge);
  }

  insertAwards(
    organizationId: string,
    badgeId: string,
    awards: { memberId: string; windowStart: string }[],
    at: Date,
  ): Promise<InsertedAward[]> {
    return insertAwards(this.db.tx, organizationId, badgeId, awards, at);
  }

  /** Which of these members already hold each of these badges for a window: `badgeId/memberId/windowStart`. */
  async held(
    organizationId: string,
    badgeIds: string[],
    memberIds: string[],
  ): Promise<Set<string>> {
    if (badgeIds.length === 0 || memberIds.length === 0) {
      return new Set();
    }
    const rows = await this.db.tx.query<InsertedRow[]>(
      `SELECT badge_id AS id, member_id, window_start FROM badge_awards
        WHERE organization_id = $1 AND badge_id = ANY($2::uuid[]) AND member_id = ANY($3::uuid[])`,
      [organizationId, badgeIds, memberIds],
    );
    return new Set(rows.map((r) => `${r.id}/${r.member_id}/${r.window_start}`));
  }

  /**
   * The feed's badge cards: awards grouped by badge and instant (one run writes one instant),
   * newest first by (awarded_at, badge_id), at most `limit`. The `badge_awards_feed` index
   * serves the order; a group of a retroactive run counts its rows once per page read.
   */
  awardGroups(
    organizationId: string,
    filter: AwardGroupFilter,
    limit: number,
  ): Promise<AwardGroupRow[]> {
    const { where, params } = groupWhere(organizationId, filter);
    params.push(limit);
    return this.db.tx.query<AwardGroupRow[]>(
      `SELECT g.badge_id, g.awarded_at, g.count, b.name, b.icon, b.image_id, b.description, b.value_id
         FROM (SELECT a.badge_id, a.awarded_at, count(*)::int AS count
                 FROM badge_awards a
                WHERE ${where}
                GROUP BY a.awarded_at, a.badge_id
                ORDER BY a.awarded_at DESC, a.badge_id DESC
                LIMIT $${params.length}) g
         JOIN badges b ON b.id = g.badge_id AND b.organization_id = $1
        ORDER BY g.awarded_at DESC, g.badge_id DESC`,
      params,
    );
  }

  /** The earners of these groups (by name), under the same filter. */
  awardGroupMembers(
    organizationId: string,
    filter: Omit<AwardGroupFilter, 'before'>,
    groups: { badgeId: string; awardedAt: Date }[],
  ): Promise<AwardGroupMemberRow[]> {
    if (groups.length === 0) {
      return Promise.resolve([]);
    }
    const { where, params } = groupWhere(organizationId, filter);
    params.push(
      groups.map((g) => g.badgeId),
      groups.map((g) => g.awardedAt),
    );
    return this.db.tx.query<AwardGroupMemberRow[]>(
      `SELECT a.badge_id, a.awarded_at, m.id, m.name, m.team_id
         FROM badge_awards a
         JOIN members m ON m.id = a.member_id
        WHERE ${where}
          AND (a.badge_id, a.awarded_at) IN
              (SELECT * FROM unnest($${params.length - 1}::uuid[], $${params.length}::timestamptz[]))
        ORDER BY m.name, m.id`,
      params,
    );
  }

  /** A member's awards with their badges, newest first. */
  async earned(organizationId: string, memberId: string): Promise<EarnedRow[]> {
    const awards = await this.db.tx.getRepository(BadgeAward).find({
      where: { organizationId, memberId },
      relations: { badge: true },
      order: { awardedAt: 'DESC', id: 'ASC' },
    });
    return awards.map((a) => ({
      award_id: a.id,
      window_start: a.windowStart,
      awarded_at: a.awardedAt,
      badge: a.badge as Badge,
    }));
  }
}

/** The conditions over `a` (badge_awards) a feed filter sets, with their parameters from $1. */
function groupWhere(
  organizationId: string,
  filter: AwardGroupFilter,
): { where: string; params: unknown[] } {
  const params: unknown[] = [organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['a.organization_id = $1'];
  if (filter.before) {
    where.push(
      `(a.awarded_at, a.badge_id) < (${param(filter.before.at)}, ${param(filter.before.id)})`,
    );
  }
  if (filter.memberId) {
    where.push(`a.member_id = ${param(filter.memberId)}`);
  }
  if (filter.teamId) {
    where.push(
      `a.member_id IN (SELECT id FROM members WHERE organization_id = $1 AND team_id = ${param(filter.teamId)})`,
    );
  }
  if (filter.valueId) {
    where.push(
      `a.badge_id IN (SELECT id FROM badges WHERE organization_id = $1 AND value_id = ${param(filter.valueId)})`,
    );
  }
  return { where: where.join(' AND '), params };
}
