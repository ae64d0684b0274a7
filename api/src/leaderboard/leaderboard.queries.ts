import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { LIVE_DATA_SOURCE, LivePool } from '../database/live-pool';
import { reader } from '../database/reader';
import type { PeriodType } from '../points/periods';

/** Which board: one account's totals of one period bucket, optionally one team's members. */
export interface BoardKey {
  organizationId: string;
  account: 'earned' | 'given';
  type: PeriodType;
  start: string;
  teamId?: string;
}

export interface MemberScoreRow {
  member_id: string;
  name: string;
  team_id: string | null;
  points: number;
}

export interface MyScoreRow {
  id: string;
  name: string;
  team_id: string | null;
  points: number;
}

export interface TeamScoreRow {
  id: string;
  name: string;
  total: number;
  members: number;
  /** Full-time equivalents: the sum of the active members' part-time factors. */
  fte: number;
}

interface RankRow {
  rank: number;
}

interface ScoresRow {
  version: string | null;
  scores: number[];
}

interface VersionRow {
  version: string;
}

interface TeamIdRow {
  team_id: string;
}

/**
 * The boards' SQL over the maintained totals (points' tables, read only) with
 * members' names and teams: indexed top-N and "my rank", whatever the ledger's length.
 * Inside `LivePool.run` (live pushes) it reads on the live pool.
 */
@Injectable()
export class LeaderboardQueries {
  constructor(
    private readonly host: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource(LIVE_DATA_SOURCE) private readonly live: DataSource,
    private readonly pool: LivePool,
  ) {}

  private get db(): EntityManager {
    return reader(this.host, this.live, this.pool);
  }

  top(board: BoardKey, limit: number): Promise<MemberScoreRow[]> {
    const params: unknown[] = [board.organizationId, board.account, board.type, board.start];
    const teamFilter = board.teamId ? `AND m.team_id = $${params.push(board.teamId)}` : '';
    return this.db.query<MemberScoreRow[]>(
      `SELECT pt.member_id, m.name, m.team_id, pt.points FROM point_totals pt JOIN members m ON m.id = pt.member_id
        WHERE pt.organization_id = $1 AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
          AND pt.points > 0 AND m.active ${teamFilter}
        ORDER BY pt.points DESC, pt.member_id DESC LIMIT ${Number(limit)}`,
      params,
    );
  }

  async mine(board: BoardKey, memberId: string): Promise<MyScoreRow | undefined> {
    const [row] = await this.db.query<MyScoreRow[]>(
      `SELECT m.id, m.name, m.team_id, coalesce(pt.points, 0) AS points
         FROM members m
         LEFT JOIN point_totals pt ON pt.member_id = m.id AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
        WHERE m.id = $5 AND m.organization_id = $1`,
      [board.organizationId, board.account, board.type, board.start, memberId],
    );
    return row;
  }

  /** 1 + how many active members scored more on the board. */
  async rank(board: BoardKey, points: number): Promise<number> {
    const params: unknown[] = [board.organizationId, board.account, board.type, board.start];
    const teamFilter = board.teamId ? `AND m.team_id = $${params.push(board.teamId)}` : '';
    const [row] = await this.db.query<RankRow[]>(
      `SELECT count(*)::int + 1 AS rank FROM point_totals pt JOIN members m ON m.id = pt.member_id
        WHERE pt.organization_id = $1 AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
          AND m.active AND pt.points > $${params.push(points)} ${teamFilter}`,
      params,
    );
    return row.rank;
  }

  /** A whole organisation board's scores, descending, with the version they belong to (one snapshot). */
  async scores(board: BoardKey): Promise<{ version: number; scores: number[] }> {
    const [row] = await this.db.query<ScoresRow[]>(
      `SELECT (SELECT version FROM leaderboard_versions WHERE organization_id = $1) AS version,
              coalesce(array_agg(pt.points ORDER BY pt.points DESC), '{}') AS scores
         FROM point_totals pt JOIN members m ON m.id = pt.member_id
        WHERE pt.organization_id = $1 AND pt.account = $2 AND pt.period_type = $3 AND pt.period_start = $4
          AND pt.points > 0 AND m.active`,
      [board.organizationId, board.account, board.type, board.start],
    );
    return { version: Number(row.version ?? 0), scores: row.scores };
  }

  teams(organizationId: string, type: PeriodType, start: string): Promise<TeamScoreRow[]> {
    return this.db.query<TeamScoreRow[]>(
      `SELECT t.id, t.name, coalesce(tt.points, 0) AS total, c.members, c.fte
         FROM teams t
         LEFT JOIN team_point_totals tt ON tt.team_id = t.id AND tt.period_type = $2 AND tt.period_start = $3
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS members, coalesce(sum(m.part_time_factor), 0)::float8 AS fte
             FROM members m WHERE m.team_id = t.id AND m.active
         ) c
        WHERE t.organization_id = $1`,
      [organizationId, type, start],
    );
  }

  async version(organizationId: string): Promise<number> {
    const [row] = await this.db.query<VersionRow[]>(
      `SELECT version FROM leaderboard_versions WHERE organization_id = $1`,
      [organizationId],
    );
    return Number(row?.version ?? 0);
  }

  /** The distinct current teams of some members. */
  async teamsOfMembers(memberIds: string[]): Promise<string[]> {
    const rows = await this.db.query<TeamIdRow[]>(
      `SELECT DISTINCT team_id FROM members WHERE id = ANY($1) AND team_id IS NOT NULL`,
      [memberIds],
    );
    return rows.map((r) => r.team_id);
  }
}
