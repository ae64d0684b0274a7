import { ApiProperty } from '@nestjs/swagger';
import {
  LEADERBOARD_BOARDS,
  LEADERBOARD_PERIODS,
  type LeaderboardBoard,
  type LeaderboardDto,
  type LeaderboardPeriod,
  type MemberRankEntry,
  type TeamRankEntry,
} from '@bravo/shared';

export class MemberRankEntryResponse implements MemberRankEntry {
  rank: number;
  memberId: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  points: number;
}

export class TeamRankEntryResponse implements TeamRankEntry {
  rank: number;
  teamId: string;
  name: string;
  /** Points per full-time equivalent of the active members, the ranking score (one decimal). */
  pointsPerMember: number;
  totalPoints: number;
  /** Active members (headcount). */
  memberCount: number;
  /** Full-time equivalents: the active members' part-time factors summed (two decimals). */
  fte: number;
}

/** What both boards share; the entries' type is each board's own. */
class LeaderboardFrame {
  @ApiProperty({ enum: LEADERBOARD_BOARDS, enumName: 'LeaderboardBoard' })
  board: LeaderboardBoard;
  @ApiProperty({ enum: LEADERBOARD_PERIODS, enumName: 'LeaderboardPeriod' })
  period: LeaderboardPeriod;
  /** First instant of the period (null for all time). */
  @ApiProperty({ type: String, nullable: true })
  from: string | null;
  /** First instant after the period (null for all time). */
  @ApiProperty({ type: String, nullable: true })
  to: string | null;
  /** Increases whenever any board of the organisation changes. */
  version: number;
}

export class MemberLeaderboardResponse
  extends LeaderboardFrame
  implements LeaderboardDto<MemberRankEntry>
{
  entries: MemberRankEntryResponse[];
  /** The caller's own entry, even outside the top N. */
  @ApiProperty({ type: MemberRankEntryResponse, nullable: true })
  me: MemberRankEntryResponse | null;
}

export class TeamLeaderboardResponse
  extends LeaderboardFrame
  implements LeaderboardDto<TeamRankEntry>
{
  entries: TeamRankEntryResponse[];
  /** The caller's team's entry, even outside the top N. */
  @ApiProperty({ type: TeamRankEntryResponse, nullable: true })
  me: TeamRankEntryResponse | null;
}
