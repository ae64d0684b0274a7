import { Injectable } from '@nestjs/common';
import type { SubmissionStatus } from '@bravo/shared';
import { Db } from '../database/current-manager';
import { Mission, MissionSubmission } from './mission.entity';

/** A member's counts on one mission. */
export interface ProgressRow {
  mission_id: string;
  approved: number;
  pending: number;
  attempts: number;
}

/** Approved completions by one team's members on one mission. */
export interface TeamCountRow {
  mission_id: string;
  completions: number;
  reached: boolean;
}

interface IdRow {
  id: string;
}

/** Approved completions of a mission by one team's members (null: members of no team). */
export interface MissionTeamCountRow {
  mission_id: string;
  team_id: string | null;
  completions: number;
}

export interface RecentRow {
  mission_id: string;
  member_id: string;
}

export interface ReachedRow {
  mission_id: string;
  team_id: string;
}

/** Which missions a manager's list holds: all of them, or those aimed only at these teams. */
export type ManagedScope = { all: true } | { all: false; teamIds: string[] };

/** The only code touching `missions`, `mission_submissions` and `mission_targets_reached`. */
@Injectable()
export class MissionsRepository {
  constructor(private readonly db: Db) {}

  private get missions() {
    return this.db.tx.getRepository(Mission);
  }

  private get submissions() {
    return this.db.tx.getRepository(MissionSubmission);
  }

  save(mission: Partial<Mission>): Promise<Mission> {
    return this.missions.save(this.missions.create(mission));
  }

  find(organizationId: string, id: string): Promise<Mission | null> {
    return this.missions.findOne({ where: { id, organizationId } });
  }

  /** Locked until the transaction ends: edits, publishing and closing do not interleave. */
  findForUpdate(organizationId: string, id: string): Promise<Mission | null> {
    return this.missions.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Published, open missions running on `today` for a member of `teamId` (or of no team). */
  forMember(organizationId: string, teamId: string | null, today: string): Promise<Mission[]> {
    return this.missions
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere('m.published_at IS NOT NULL AND m.closed_at IS NULL')
      .andWhere('m.starts_on <= :today AND m.ends_on >= :today', { today })
      .andWhere(teamId ? "(m.team_ids = '{}' OR :teamId = ANY(m.team_ids))" : "m.team_ids = '{}'", {
        teamId,
      })
      .orderBy('m.ends_on', 'ASC')
      .addOrderBy('m.created_at', 'ASC')
      .take(200)
      .getMany();
  }

  /** Published, open tracked missions running on any day `from`–`to` counting one of `metrics`. */
  trackedRunning(
    organizationId: string,
    days: { from: string; to: string },
    metrics: string[],
  ): Promise<Mission[]> {
    return this.missions
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere("m.kind = 'tracked' AND m.tracked_metric = ANY(:metrics::text[])", { metrics })
      .andWhere('m.published_at IS NOT NULL AND m.closed_at IS NULL')
      .andWhere('m.starts_on <= :to AND m.ends_on >= :from', days)
      .orderBy('m.created_at', 'ASC')
      .take(200)
      .getMany();
  }

  /** Missions a manager may manage, newest span first. */
  managed(organizationId: string, scope: ManagedScope, limit: number): Promise<Mission[]> {
    const query = this.missions
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId });
    if (!scope.all) {
      query.andWhere("m.team_ids <> '{}' AND m.team_ids <@ :teamIds::uuid[]", {
        teamIds: scope.teamIds,
      });
    }
    return query
      .orderBy('m.starts_on', 'DESC')
      .addOrderBy('m.created_at', 'DESC')
      .take(limit)
      .getMany();
  }

  /** Published, open missions running on `today`: all of them, or those for `teamId` (a team screen). */
  forScreen(organizationId: string, teamId: string | null, today: string): Promise<Mission[]> {
    const query = this.missions
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere('m.published_at IS NOT NULL AND m.closed_at IS NULL')
      .andWhere('m.starts_on <= :today AND m.ends_on >= :today', { today });
    if (teamId) {
      query.andWhere("(m.team_ids = '{}' OR :teamId = ANY(m.team_ids))", { teamId });
    }
    return query.orderBy('m.ends_on', 'ASC').addOrderBy('m.created_at', 'ASC').take(20).getMany();
  }

  /** Approved completions of each mission, by the team of whoever completed it. */
  teamCompletions(missionIds: string[]): Promise<MissionTeamCountRow[]> {
    return this.db.tx.query<MissionTeamCountRow[]>(
      `SELECT mission_id, team_id, count(*)::int AS completions
         FROM mission_submissions
        WHERE mission_id = ANY($1) AND status = 'approved'
        GROUP BY mission_id, team_id`,
      [missionIds],
    );
  }

  /** The latest completers of each mission (of one team, if given), at most `per` each, newest first. */
  recentCompleters(missionIds: string[], teamId: string | null, per: number): Promise<RecentRow[]> {
    return this.db.tx.query<RecentRow[]>(
      `SELECT mission_id, member_id FROM (
         SELECT mission_id, member_id,
                row_number() OVER (PARTITION BY mission_id ORDER BY coalesce(reviewed_at, created_at) DESC, id) AS n
           FROM mission_submissions
          WHERE mission_id = ANY($1) AND status = 'approved' AND ($2::uuid IS NULL OR team_id = $2)
       ) latest
       WHERE n <= $3
       ORDER BY mission_id, n`,
      [missionIds, teamId, per],
    );
  }

  reachedTargets(missionIds: string[]): Promise<ReachedRow[]> {
    return this.db.tx.query<ReachedRow[]>(
      `SELECT mission_id, team_id FROM mission_targets_reached WHERE mission_id = ANY($1)`,
      [missionIds],
    );
  }

  /** Approved completions of one mission by each of these members (those with none left out). */
  async approvedBy(missionId: string, memberIds: string[]): Promise<Map<string, number>> {
    if (memberIds.length === 0) {
      return new Map();
    }
    const rows = await this.db.tx.query<{ member_id: string; n: number }[]>(
      `SELECT member_id, count(*)::int AS n FROM mission_submissions
        WHERE mission_id = $1 AND member_id = ANY($2::uuid[]) AND status = 'approved'
        GROUP BY member_id`,
      [missionId, memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, r.n]));
  }

  /** One member's approved, pending and quiz-attempt counts on each mission. */
  async progress(memberId: string, missionIds: string[]): Promise<Map<string, ProgressRow>> {
    if (missionIds.length === 0) {
      return new Map();
    }
    const rows = await this.db.tx.query<ProgressRow[]>(
      `SELECT mission_id,
              count(*) FILTER (WHERE status = 'approved')::int AS approved,
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE score IS NOT NULL)::int AS attempts
         FROM mission_submissions
        WHERE member_id = $1 AND mission_id = ANY($2)
        GROUP BY mission_id`,
      [memberId, missionIds],
    );
    return new Map(rows.map((r) => [r.mission_id, r]));
  }

  /** A team's approved completions on each mission, and whether it reached the target. */
  async teamCounts(teamId: string, missionIds: string[]): Promise<Map<string, TeamCountRow>> {
    if (missionIds.length === 0) {
      return new Map();
    }
    const rows = await this.db.tx.query<TeamCountRow[]>(
      `SELECT m.id AS mission_id,
              (SELECT count(*)::int FROM mission_submissions s
                WHERE s.mission_id = m.id AND s.team_id = $1 AND s.status = 'approved') AS completions,
              EXISTS (SELECT 1 FROM mission_targets_reached r
                       WHERE r.mission_id = m.id AND r.team_id = $1) AS reached
         FROM missions m
        WHERE m.id = ANY($2)`,
      [teamId, missionIds],
    );
    return new Map(rows.map((r) => [r.mission_id, r]));
  }

  /**
   * Serialises the rest of the transaction with every other one that takes the same
   * key (a member's hand-ins on a mission, a team's completions): counts read after
   * it see what the other committed.
   */
  async lock(key: string): Promise<void> {
    await this.db.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
  }

  insertSubmission(s: Partial<MissionSubmission>): Promise<MissionSubmission> {
    return this.submissions.save(this.submissions.create(s));
  }

  /** A submission of the organisation, locked until the transaction ends. */
  submissionForUpdate(organizationId: string, id: string): Promise<MissionSubmission | null> {
    return this.submissions.findOne({
      where: { id, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  submission(organizationId: string, id: string): Promise<MissionSubmission | null> {
    return this.submissions.findOne({ where: { id, organizationId } });
  }

  async review(
    id: string,
    change: {
      status: SubmissionStatus;
      reviewerId: string;
      at: Date;
      reason: string | null;
      completedOn?: string;
    },
  ): Promise<void> {
    await this.submissions.update(
      { id },
      {
        status: change.status,
        reviewerId: change.reviewerId,
        reviewedAt: change.at,
        rejectReason: change.reason,
        ...(change.completedOn ? { completedOn: change.completedOn } : {}),
      },
    );
  }

  /** Pending submissions of the organisation, or of these teams' members, oldest first. */
  queue(
    organizationId: string,
    teamIds: string[] | null,
    limit: number,
  ): Promise<MissionSubmission[]> {
    const query = this.submissions
      .createQueryBuilder('s')
      .where('s.organization_id = :organizationId', { organizationId })
      .andWhere("s.status = 'pending'");
    if (teamIds) {
      query.andWhere('s.team_id = ANY(:teamIds::uuid[])', { teamIds });
    }
    return query.orderBy('s.created_at', 'ASC').take(limit).getMany();
  }

  /** A member's own submissions, newest first. */
  mine(organizationId: string, memberId: string, limit: number): Promise<MissionSubmission[]> {
    return this.submissions.find({
      where: { organizationId, memberId },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  missionsByIds(organizationId: string, ids: string[]): Promise<Mission[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return this.missions
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId AND m.id = ANY(:ids::uuid[])', {
        organizationId,
        ids,
      })
      .getMany();
  }

  /** Marks a team's target reached; false when it already was (its bonus went out then). */
  async markTargetReached(
    organizationId: string,
    missionId: string,
    teamId: string,
  ): Promise<string | null> {
    const rows = await this.db.tx.query<IdRow[]>(
      `INSERT INTO mission_targets_reached (organization_id, mission_id, team_id)
       VALUES ($1, $2, $3) ON CONFLICT (mission_id, team_id) DO NOTHING RETURNING id`,
      [organizationId, missionId, teamId],
    );
    return rows[0]?.id ?? null;
  }
}
