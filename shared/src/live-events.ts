import type { AllowanceDto, KudosDto } from './kudos-types.js';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from './leaderboard-types.js';

/**
 * Socket.io contracts, used by the API gateway and the web client alike.
 * Rooms: `org:<id>`, `team:<id>`, `member:<id>`, `display:<id>`, and `session:<id>`
 * (a member's sockets of one login, so ending that login can close them).
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
  /** Everything of one tick for one room, in one message (see LiveTickPayload). */
  tick: 'live.tick',
} as const;

/**
 * A tick carries at most this many kudos in full (the newest); a burst's others
 * go by id, so a burst's message stays small for every screen that receives it.
 */
export const LIVE_TICK_MAX_KUDOS = 5;

/** Fresh kudos of one tick go out together. */
export interface KudosCreatedPayload {
  /** Newest first, at most LIVE_TICK_MAX_KUDOS. */
  items: KudosDto[];
  /** Ids of this tick's other (older) kudos: read them over HTTP when they are wanted. */
  more?: string[];
}

/** Every kudos id a `kudos.created` payload announces, in full or by id. */
export function createdIds(payload: KudosCreatedPayload): string[] {
  return [...payload.items.map((kudos) => kudos.id), ...(payload.more ?? [])];
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

/**
 * One room's changes of one tick, sent as a single message so a burst costs at
 * most one message per tick per socket. Each part has the payload of the event
 * of the same name; clients apply them with `tickParts`.
 */
export interface LiveTickPayload {
  'kudos.removed'?: KudosRemovedPayload;
  'kudos.created'?: KudosCreatedPayload;
  'leaderboard.updated'?: LeaderboardUpdatedPayload;
}

export type LiveTickPart =
  | ['kudos.removed', KudosRemovedPayload]
  | ['kudos.created', KudosCreatedPayload]
  | ['leaderboard.updated', LeaderboardUpdatedPayload];

/** The parts of a tick as [event, payload], in the order to apply them. */
export function tickParts(tick: LiveTickPayload): LiveTickPart[] {
  const parts: LiveTickPart[] = [];
  if (tick['kudos.removed']) {
    parts.push(['kudos.removed', tick['kudos.removed']]);
  }
  if (tick['kudos.created']) {
    parts.push(['kudos.created', tick['kudos.created']]);
  }
  if (tick['leaderboard.updated']) {
    parts.push(['leaderboard.updated', tick['leaderboard.updated']]);
  }
  return parts;
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
  'live.tick': (payload: LiveTickPayload) => void;
}

/** Clients only listen; nothing they send changes data. */
export type ClientToServerEvents = Record<string, never>;

/** Why a connection was refused (`connect_error` message). */
export const LIVE_REFUSALS = {
  noCredentials: 'unauthenticated: pass auth.token, auth.displayToken or the session cookie',
  badToken: 'unauthenticated: the session is not valid',
  badDisplay: 'display_not_connected: this screen link is not valid or was revoked',
  /** A session-cookie handshake sent from a page that is not Bravo's own. */
  crossSite: "cross_site_request: a session cookie handshake must come from Bravo's own pages",
  /** A connection being recovered presented another credential than the one that opened it. */
  otherCredential:
    'unauthenticated: this connection was opened with another credential; open a new connection',
} as const;

/** GET /api/health/live: one instance's live load. */
export interface LiveStatsDto {
  /** Sockets connected to this instance. */
  sockets: number;
  /** Messages delivered to this instance's sockets since it started. */
  messagesSent: number;
  /** CPU (µs, user + system) this process spent sending them. */
  fanOutCpuMicros: number;
  cpuMicrosPerMessage: number | null;
}
