import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  LeaderboardDto,
  LeaderboardPeriod,
  MemberRankEntry,
  TeamRankEntry,
} from '@bravo/shared';
import { DataSource } from 'typeorm';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  addMonths,
  addDays,
  ALL_TIME_START,
  localDate,
  monthStart,
  startOfLocalDay,
  weekStart,
  type PeriodType,
} from '../points/periods';
import type { LeaderboardQuery } from './leaderboard.dto';
import { RankIndex } from './rank-index';
import { competitionRanks } from './ranking';

/** Who looks at a board: a member, or a screen/broadcast (no id, so no "me"). */
export type Viewer = Pick<AuthMember, 'organizationId' | 'teamId'> & { id: string | null };

interface Bucket {
  type: PeriodType;
  start: string;
  from: string | null;
  to: string | null;
}

/** Boards read the maintained totals through an index: cost does not grow with the ledger. */
@Injectable()
export class LeaderboardService {
  private readonly ranks = new RankIndex();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
  ) {}

  async members(
    caller: Viewer,
    q: LeaderboardQuery,
    account: 'earned' | 'given' = 'earned',
  ): Promise<LeaderboardDto<MemberRankEntry>> {
    const bucket = await this.bucket(caller.organizationId, q.period);
    const params: unknown[] = [caller.organizationId, account, bucket.type, bucket.start];
    const teamFilter = q.teamId ? `AND m.team_id = $${params.push(q.teamId)}` : '';
    const [rows, mine, version] = await Promise.all([
      this.db.query(
        `SELECT pt.member_id, m.name, m.team_id, pt.points FROM point_totals pt JOIN members m ON m.id = pt.member_id
          WHERE pt.organization_id = $1 AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
            AND pt.points > 0 AND m.active ${teamFilter}
          ORDER BY pt.points DESC, pt.member_id DESC LIMIT ${Number(q.limit)}`,
        params,
      ) as Promise<{ member_id: string; name: string; team_id: string | null; points: number }[]>,
      // A screen or broadcast has no "me".
      caller.id === null
        ? Promise.resolve([])
        : (this.db.query(
            `SELECT m.id, m.name, m.team_id, coalesce(pt.points, 0) AS points
           FROM members m
           LEFT JOIN point_totals pt ON pt.member_id = m.id AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
          WHERE m.id = $5 AND m.organization_id = $1`,
            [caller.organizationId, account, bucket.type, bucket.start, caller.id],
          ) as Promise<{ id: string; name: string; team_id: string | null; points: number }[]>),
      this.version(caller.organizationId),
    ]);
    const myRank =
      mine[0] && (!q.teamId || mine[0].team_id === q.teamId)
        ? await this.rankOf(mine[0].points, {
            params,
            teamFilter,
            version,
            key: `${params.slice(0, 4).join('|')}`,
          })
        : null;
    const ranks = competitionRanks(rows.map((r) => r.points));
    const entries = rows.map((r, i) => ({
      rank: ranks[i],
      memberId: r.member_id,
      name: r.name,
      teamId: r.team_id,
      points: r.points,
    }));
    const me =
      mine[0] && (!q.teamId || mine[0].team_id === q.teamId)
        ? {
            rank: myRank ?? 0,
            memberId: mine[0].id,
            name: mine[0].name,
            teamId: mine[0].team_id,
            points: mine[0].points,
          }
        : null;
    return {
      board: account === 'earned' ? 'members' : 'givers',
      period: q.period,
      from: bucket.from,
      to: bucket.to,
      version,
      entries,
      me,
    };
  }

  /** Teams rank by points per active member, so a small store can beat a big one. */
  async teams(caller: Viewer, q: LeaderboardQuery): Promise<LeaderboardDto<TeamRankEntry>> {
    const bucket = await this.bucket(caller.organizationId, q.period);
    const [rows, version] = await Promise.all([
      this.db.query(
        `SELECT t.id, t.name, coalesce(tt.points, 0) AS total,
                (SELECT count(*)::int FROM members m WHERE m.team_id = t.id AND m.active) AS members
           FROM teams t
           LEFT JOIN team_point_totals tt ON tt.team_id = t.id AND tt.period_type = $2 AND tt.period_start = $3
          WHERE t.organization_id = $1`,
        [caller.organizationId, bucket.type, bucket.start],
      ) as Promise<{ id: string; name: string; total: number; members: number }[]>,
      this.version(caller.organizationId),
    ]);
    const scored = rows
      .map((r) => ({ ...r, perMember: r.members > 0 ? r.total / r.members : 0 }))
      .sort(
        (a, b) => b.perMember - a.perMember || b.total - a.total || a.name.localeCompare(b.name),
      );
    const ranks = competitionRanks(scored.map((r) => r.perMember));
    const all: TeamRankEntry[] = scored.map((r, i) => ({
      rank: ranks[i],
      teamId: r.id,
      name: r.name,
      pointsPerMember: Math.round(r.perMember * 10) / 10,
      totalPoints: r.total,
      memberCount: r.members,
    }));
    return {
      board: 'teams',
      period: q.period,
      from: bucket.from,
      to: bucket.to,
      version,
      entries: all.slice(0, q.limit),
      me: all.find((t) => t.teamId === caller.teamId) ?? null,
    };
  }

  /**
   * 1 + how many scored more: from the in-memory index when it is current for the whole
   * organisation's board, otherwise counted in SQL (and the index refreshed behind).
   */
  private async rankOf(
    points: number,
    b: { params: unknown[]; teamFilter: string; version: number; key: string },
  ): Promise<number> {
    if (!b.teamFilter) {
      const fromIndex = this.ranks.rank(b.key, b.version, points);
      if (fromIndex !== null) {
        return fromIndex;
      }
      this.ranks.refresh(b.key, async () => {
        const [row] = await this.db.query(
          `SELECT (SELECT version FROM leaderboard_versions WHERE organization_id = $1) AS version,
                  coalesce(array_agg(pt.points ORDER BY pt.points DESC), '{}') AS scores
             FROM point_totals pt JOIN members m ON m.id = pt.member_id
            WHERE pt.organization_id = $1 AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
              AND pt.points > 0 AND m.active`,
          b.params.slice(0, 4),
        );
        return { version: Number(row.version ?? 0), scores: row.scores };
      });
    }
    const [row] = await this.db.query(
      `SELECT count(*)::int + 1 AS rank FROM point_totals pt JOIN members m ON m.id = pt.member_id
        WHERE pt.organization_id = $1 AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
          AND m.active AND pt.points > $${b.params.length + 1} ${b.teamFilter}`,
      [...b.params, points],
    );
    return row.rank;
  }

  /** The distinct current teams of some members. */
  async teamsOfMembers(memberIds: string[]): Promise<string[]> {
    const rows: { team_id: string }[] = await this.db.query(
      `SELECT DISTINCT team_id FROM members WHERE id = ANY($1) AND team_id IS NOT NULL`,
      [memberIds],
    );
    return rows.map((r) => r.team_id);
  }

  async version(organizationId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT version FROM leaderboard_versions WHERE organization_id = $1`,
      [organizationId],
    );
    return Number(row?.version ?? 0);
  }

  private async bucket(organizationId: string, period: LeaderboardPeriod): Promise<Bucket> {
    if (period === 'all-time') {
      return { type: 'all', start: ALL_TIME_START, from: null, to: null };
    }
    // Through this service's own pool (live pushes have their own; see live-reads.ts).
    const { timezone } = await this.organizations.context(organizationId, this.db.manager);
    const today = localDate(this.clock.now(), timezone);
    const at = (date: string) => startOfLocalDay(date, timezone).toISOString();
    if (period === 'week') {
      const start = weekStart(today);
      return { type: 'week', start, from: at(start), to: at(addDays(start, 7)) };
    }
    const start = period === 'month' ? monthStart(today) : addMonths(monthStart(today), -1);
    return { type: 'month', start, from: at(start), to: at(addMonths(start, 1)) };
  }
}
