import {
  LEADERBOARD_BOARDS,
  LEADERBOARD_PERIODS,
  LIMITS,
  type LeaderboardBoard,
  type LeaderboardDto,
  type LeaderboardPeriod,
  type MemberRankEntry,
  type TeamRankEntry,
} from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { LIVE_DEPENDENCY } from '$lib/live/dependency';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import { UUID } from '$lib/server/request-params';
import type { PageServerLoad } from './$types';

const isBoard = (value: string | null): value is LeaderboardBoard =>
  (LEADERBOARD_BOARDS as readonly (string | null)[]).includes(value);
const isPeriod = (value: string | null): value is LeaderboardPeriod =>
  (LEADERBOARD_PERIODS as readonly (string | null)[]).includes(value);

type Board =
  | { kind: 'teams'; result: LeaderboardDto<TeamRankEntry> }
  | { kind: 'members' | 'givers'; result: LeaderboardDto<MemberRankEntry> };

export const load: PageServerLoad = async (event) => {
  requireMember(event);
  event.depends(LIVE_DEPENDENCY);
  const { searchParams } = event.url;
  const boardParam = searchParams.get('board');
  const periodParam = searchParams.get('period');
  const board: LeaderboardBoard = isBoard(boardParam) ? boardParam : 'members';
  const period: LeaderboardPeriod = isPeriod(periodParam) ? periodParam : 'month';
  const teamParam = searchParams.get('team') ?? '';
  // Teams are ranked against each other, so the team filter only narrows people's boards.
  const teamId = board !== 'teams' && UUID.test(teamParam) ? teamParam : undefined;
  const caller = callerOf(event);
  const client = api(caller);
  const query = { period, teamId, limit: LIMITS.leaderboardLimitDefault };
  const rankingCall: Promise<Board> =
    board === 'teams'
      ? ok(client.GET('/api/v1/leaderboards/teams', { params: { query } })).then(
          (result): Board => ({ kind: 'teams', result }),
        )
      : ok(
          board === 'givers'
            ? client.GET('/api/v1/leaderboards/givers', { params: { query } })
            : client.GET('/api/v1/leaderboards/members', { params: { query } }),
        ).then((result): Board => ({ kind: board, result }));
  try {
    const [ranking, teams] = await Promise.all([rankingCall, ok(client.GET('/api/v1/teams'))]);
    return {
      board,
      period,
      teamId: teamId ?? null,
      ranking,
      teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
