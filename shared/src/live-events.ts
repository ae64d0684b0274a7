import type {
  DisplaySettingsDto,
  ScreenKudosDto,
  ScreenMemberEntry,
  ScreenPraiseDto,
  ScreenTeamEntry,
} from './display-types.js';
import type { BadgeFeedCardDto } from './feed-types.js';
import type { PraiseCardDto } from './praise-types.js';
import type { AllowanceDto, KudosDto } from './kudos-types.js';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from './leaderboard-types.js';
import type { ScreenMissionDto } from './mission-types.js';

/**
 * Socket.io contracts, used by the API gateway and the web client alike.
 * Rooms: `org:<id>` (members), `member:<id>`, `display:<id>`, `session:<id>` (a member's
 * sockets of one login, so ending that login can close them), and one room per screen
 * audience (`screens:…`: scope, style and mode), so a screen receives only what it may show.
 */
export const LIVE_EVENTS = {
  /** Everything of one tick for one room, in one message (see LiveTickPayload). */
  tick: 'live.tick',
  allowanceUpdated: 'allowance.updated',
  notification: 'notification',
  /** A screen's settings changed (to `display:<id>`): its TV applies them. */
  displayUpdated: 'display.updated',
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

/** Every kudos id a `kudos.created` part announces, in full or by id. */
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

export interface KudosNotification {
  kind: 'kudos_received';
  kudosId: string;
  fromName: string;
  points: number;
  message: string;
}

export interface BadgeNotification {
  kind: 'badge_awarded';
  /** The member who earned it (the notice links to their profile). */
  memberId: string;
  badgeName: string;
  /** A key of BADGE_ICONS. */
  icon: string;
  /** The badge's uploaded image (`/api/v1/uploads/:id`), drawn instead of the icon. */
  imageId: string | null;
  bonusPoints: number;
}

export interface PraiseNotification {
  kind: 'praise_approved';
  praiseId: string;
  /** The customer's first name, or null ("a customer"). */
  customerName: string | null;
  text: string;
  points: number;
}

/** What a member is told live: a kudos received, a badge earned, a customer's praise approved. */
export type NotificationPayload = KudosNotification | BadgeNotification | PraiseNotification;

/** The running missions of a screen's audience after a completion (sent to screens' rooms). */
export interface MissionsUpdatedPayload {
  missions: ScreenMissionDto[];
}

/** Something for the screens to celebrate: a team reached a mission's target, or a badge was earned. */
export type CelebrationPayload =
  | { kind: 'team_target'; missionTitle: string; teamName: string; bonus: number }
  | {
      kind: 'badge';
      badgeName: string;
      /** A key of BADGE_ICONS. */
      icon: string;
      /** The badge's uploaded image: screens fetch it with their token (`/display/badge-images/:id`). */
      imageId: string | null;
      /** Who earned it; null when several did in the same moment (then `count`). */
      memberName: string | null;
      count: number;
    }
  | {
      kind: 'praise';
      /** The customer's words (the screen's panel shows them in full). */
      text: string;
      /** First name, or null: "a customer". */
      customerName: string | null;
      /** The staff it names as the screen may show them (empty: the team). */
      staffNames: string[];
      teamName: string;
      value: { name: string; emoji: string | null } | null;
    };

/** The parts a tick may carry, by name. */
export interface LiveTickParts {
  'kudos.removed': KudosRemovedPayload;
  'kudos.created': KudosCreatedPayload;
  'leaderboard.updated': LeaderboardUpdatedPayload;
  'missions.updated': MissionsUpdatedPayload;
  celebrations: CelebrationPayload[];
  /** Badge cards for the feed (to the organisation's room): one per badge and run. */
  'badges.awarded': BadgeFeedCardDto[];
  /** Customer praise approved this tick, as feed cards (to the organisation's room). */
  'praise.approved': PraiseCardDto[];
}
export type LiveTickPartName = keyof LiveTickParts;

/**
 * One room's changes of one tick, sent as a single message so a burst costs at
 * most one message per tick per socket. Clients apply its parts with `tickParts`.
 */
export type LiveTickPayload = Partial<LiveTickParts>;

export type LiveTickPart = { [N in LiveTickPartName]: [N, LiveTickParts[N]] }[LiveTickPartName];

/** The order a tick's parts are applied in: a removal before the kudos that replace it. */
export const TICK_PART_ORDER: readonly LiveTickPartName[] = [
  'kudos.removed',
  'kudos.created',
  'leaderboard.updated',
  'missions.updated',
  'celebrations',
  'badges.awarded',
  'praise.approved',
];

/**
 * The parts of a tick as [name, payload], in the order to apply them. A screen's tick has the
 * same parts, cut (ScreenTickParts): a screen's handlers read them in the screens' shapes.
 */
export function tickParts(tick: LiveTickPayload | ScreenTickPayload): LiveTickPart[] {
  const parts = tick as LiveTickPayload;
  return TICK_PART_ORDER.flatMap((name) =>
    parts[name] === undefined ? [] : [[name, parts[name]] as LiveTickPart],
  );
}

/**
 * What a screen's room receives of a tick: names already as the screen may show them, nobody
 * who chose not to appear, and on a public-safe screen no points (see DisplayStateDto).
 */
export interface ScreenTickParts {
  'kudos.removed': KudosRemovedPayload;
  'kudos.created': { items: ScreenKudosDto[]; more?: string[] };
  'leaderboard.updated': {
    version: number;
    members: LeaderboardDto<ScreenMemberEntry>;
    teams: LeaderboardDto<ScreenTeamEntry>;
  };
  'missions.updated': MissionsUpdatedPayload;
  celebrations: CelebrationPayload[];
  'praise.approved': ScreenPraiseDto[];
}
export type ScreenTickPayload = Partial<ScreenTickParts>;

/** Exactly what the server emits. */
export interface ServerToClientEvents {
  'live.tick': (payload: LiveTickPayload | ScreenTickPayload) => void;
  'allowance.updated': (payload: AllowanceDto) => void;
  notification: (payload: NotificationPayload) => void;
  'display.updated': (payload: DisplaySettingsDto) => void;
}

/** What a client can listen to: a tick's parts one by one, and the other events. */
export interface LiveMessages extends LiveTickParts {
  'allowance.updated': AllowanceDto;
  notification: NotificationPayload;
  'display.updated': DisplaySettingsDto;
}
export type LiveMessage = keyof LiveMessages;

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
