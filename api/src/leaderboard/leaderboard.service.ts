import { Inject, Injectable } from '@nestjs/common';
import type {
  LeaderboardDto,
  LeaderboardPeriod,
  MemberRankEntry,
  TeamRankEntry,
} from '@bravo/shared';
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
import { LeaderboardQueries, type BoardKey } from './leaderboard.queries';
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
    private readonly queries: LeaderboardQueries,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
  ) {}

  async members(
    caller: Viewer,
    q: LeaderboardQuery,
    account: 'earned' | 'given' = 'earned',
  ): Promise<LeaderboardDto<MemberRankEntry>> {
    const bucket = await this.bucket(caller.organizationId, q.period);
    const board: BoardKey = {
      organizationId: caller.organizationId,
      account,
      type: bucket.type,
      start: bucket.start,
      teamId: q.teamId,
    };
    const [rows, mine, version] = await Promise.all([
      this.queries.top(board, q.limit),
      // A screen or broadcast has no "me".
      caller.id === null ? Promise.resolve(undefined) : this.queries.mine(board, caller.id),
      this.queries.version(caller.organizationId),
    ]);
    const onBoard = mine && (!q.teamId || mine.team_id === q.teamId) ? mine : undefined;
    const myRank = onBoard ? await this.rankOf(onBoard.points, board, version) : null;
    const ranks = competitionRanks(rows.map((r) => r.points));
    const entries = rows.map((r, i) => ({
      rank: ranks[i],
      memberId: r.member_id,
      name: r.name,
      teamId: r.team_id,
      points: r.points,
    }));
    const me = onBoard
      ? {
          rank: myRank ?? 0,
          memberId: onBoard.id,
          name: onBoard.name,
          teamId: onBoard.team_id,
          points: onBoard.points,
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

  /**
   * Teams rank by points per full-time equivalent (the active members' part-time factors
   * summed), so a small store, or one staffed by part-timers, can beat a big one.
   */
  async teams(caller: Viewer, q: LeaderboardQuery): Promise<LeaderboardDto<TeamRankEntry>> {
    const bucket = await this.bucket(caller.organizationId, q.period);
    const [rows, version] = await Promise.all([
      this.queries.teams(caller.organizationId, bucket.type, bucket.start),
      this.queries.version(caller.organizationId),
    ]);
    const scored = rows
      .map((r) => ({ ...r, perMember: r.fte > 0 ? r.total / r.fte : 0 }))
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
      fte: Math.round(r.fte * 100) / 100,
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
  private async rankOf(points: number, board: BoardKey, version: number): Promise<number> {
    if (!board.teamId) {
      const key = [board.organizationId, board.account, board.type, board.start].join('|');
      const fromIndex = this.ranks.rank(key, version, points);
      if (fromIndex !== null) {
        return fromIndex;
      }
      this.ranks.refresh(key, () => this.queries.scores(board));
    }
    return this.queries.rank(board, points);
  }

  /** The distinct current teams of some members. */
  teamsOfMembers(memberIds: string[]): Promise<string[]> {
    return this.queries.teamsOfMembers(memberIds);
  }

  version(organizationId: string): Promise<number> {
    return this.queries.version(organizationId);
  }

  private async bucket(organizationId: string, period: LeaderboardPeriod): Promise<Bucket> {
    if (period === 'all-time') {
      return { type: 'all', start: ALL_TIME_START, from: null, to: null };
    }
    const { timezone } = await this.organizations.context(organizationId);
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
