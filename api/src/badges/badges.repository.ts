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
