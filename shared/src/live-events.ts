import type { AllowanceDto, KudosDto } from './kudos-types.js';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from './leaderboard-types.js';

/**
 * Socket.io contracts, used by the API gateway and the web client alike.
 * Rooms: `org:<id>`, `team:<id>`, `member:<id>`, `display:<id>`.
 */
export const LIVE_EVENTS = {
  kudosCreated: 'kudos.created',
  kudosRemoved: 'kudos.removed',
  leaderboardUpdated: 'leaderboard.updated',
  allowanceUpdated: 'allowance.updated',
  notification: 'notification',
  badgeAwarded: 'badge.awarded',
  praiseApproved: 'praise.approved',
  missionProgressed: 'mission.progressed',
} as const;

/** Fresh kudos of one tick go out together. */
export interface KudosCreatedPayload {
  items: KudosDto[];
}

export interface KudosRemovedPayload {
  ids: string[];
}

/** The latest boards after a change (only the latest state of a tick is sent). */
export interface LeaderboardUpdatedPayload {
  version: number;
  members: LeaderboardDto<MemberRankEntry>;
  teams: LeaderboardDto<TeamRankEntry>;
}

export interface NotificationPayload {
  kind: 'kudos_received';
  kudosId: string;
  fromName: string;
  points: number;
  message: string;
}

/** Sent when badges land (the badges feature); screens celebrate it. */
export interface BadgeAwardedPayload {
  memberId: string;
  memberName: string;
  badge: { id: string; name: string; icon: string };
}

export interface ServerToClientEvents {
  'kudos.created': (payload: KudosCreatedPayload) => void;
  'kudos.removed': (payload: KudosRemovedPayload) => void;
  'leaderboard.updated': (payload: LeaderboardUpdatedPayload) => void;
  'allowance.updated': (payload: AllowanceDto) => void;
  notification: (payload: NotificationPayload) => void;
  'badge.awarded': (payload: BadgeAwardedPayload) => void;
}

/** Clients only listen; nothing they send changes data. */
export type ClientToServerEvents = Record<string, never>;

/** Why a connection was refused (`connect_error` message). */
export const LIVE_REFUSALS = {
  noCredentials: 'unauthenticated: pass auth.token, auth.displayToken or the session cookie',
  badToken: 'unauthenticated: the session is not valid',
  badDisplay: 'display_not_connected: this screen link is not valid or was revoked',
} as const;
