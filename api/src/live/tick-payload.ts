import {
  LIVE_TICK_MAX_KUDOS,
  type KudosDto,
  type KudosRemovedPayload,
  type LeaderboardUpdatedPayload,
  type LiveTickPayload,
} from '@bravo/shared';

/** `items` newest first: the newest go in full, the rest by id. */
export function tickPayload(
  removed: KudosRemovedPayload | undefined,
  items: KudosDto[],
  board: LeaderboardUpdatedPayload,
): LiveTickPayload {
  const more = items.slice(LIVE_TICK_MAX_KUDOS).map((kudos) => kudos.id);
  const created = { items: items.slice(0, LIVE_TICK_MAX_KUDOS), ...(more.length ? { more } : {}) };
  return {
    ...(removed ? { 'kudos.removed': removed } : {}),
    ...(items.length > 0 ? { 'kudos.created': created } : {}),
    'leaderboard.updated': board,
  };
}
