import type { KudosDto } from './kudos-types.js';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from './leaderboard-types.js';
import type { ScreenMissionDto } from './mission-types.js';
import type { PraiseCardDto } from './praise-types.js';

export const DISPLAY_PANELS = [
  'team_leaderboard',
  'store_ranking',
  'fresh_kudos',
  'missions',
  'customer_praise',
] as const;
export type DisplayPanel = (typeof DISPLAY_PANELS)[number];

export const NAME_STYLES = ['first_name_last_initial', 'first_name', 'full_name'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

export const DISPLAY_SCOPES = ['organization', 'team'] as const;
export type DisplayScope = (typeof DISPLAY_SCOPES)[number];

/** How a member appears on screens: by their full name, their first name, or not at all. */
export const SCREEN_NAME_CHOICES = ['full', 'first', 'hidden'] as const;
export type ScreenNameChoice = (typeof SCREEN_NAME_CHOICES)[number];

/** Hours of the day (organisation time, `HH:MM`) in which a screen shows other panels. */
export interface DisplayScheduleSlot {
  /** Inclusive. */
  from: string;
  /** Exclusive; earlier than `from` means the slot runs past midnight. */
  to: string;
  panels: DisplayPanel[];
}

export const DISPLAY_SCHEDULE_MAX: number = 6;
export const SCHEDULE_TIME: RegExp = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What a screen shows and how: its settings. */
export interface DisplaySettingsDto {
  id: string;
  name: string;
  scope: DisplayScope;
  teamId: string | null;
  panels: DisplayPanel[];
  rotationSeconds: number;
  topN: number;
  nameStyle: NameStyle;
  /**
   * Facing customers: first names only, no point totals, nobody past the top N (and, as on
   * every screen, nobody who chose not to appear).
   */
  publicSafe: boolean;
  /** A short chime with each newsflash. */
  chime: boolean;
  /** Outside every slot the screen rotates through `panels`. */
  schedule: DisplayScheduleSlot[];
  createdAt: string;
}

/** Whether a screen is connected, from its sockets' heartbeats (kept in the database). */
export interface DisplayPresenceDto {
  online: boolean;
  /** When a socket of the screen was last known up; null: never connected. */
  lastSeenAt: string | null;
  /** The address and browser of its latest connection. */
  address: string | null;
  userAgent: string | null;
}

/** A screen as Admin → Screens lists it. */
export interface DisplayDto extends DisplaySettingsDto {
  presence: DisplayPresenceDto;
}

/** Returned once, at creation: the secret link and its QR code. */
export interface CreatedDisplayDto extends DisplayDto {
  token: string;
  url: string;
  /** SVG markup of a QR code of `url`. */
  qrSvg: string;
  /** `data:image/png;base64,…` of the same QR code. */
  qrPng: string;
}

export interface CreateDisplayRequest {
  name: string;
  scope: DisplayScope;
  teamId?: string | null;
  panels?: DisplayPanel[];
  rotationSeconds?: number;
  topN?: number;
  nameStyle?: NameStyle;
  publicSafe?: boolean;
  chime?: boolean;
  schedule?: DisplayScheduleSlot[];
}

/** `PATCH /api/v1/displays/{id}`: what can change after creation (not the scope). */
export type UpdateDisplayRequest = Partial<Omit<CreateDisplayRequest, 'scope' | 'teamId'>>;

/** `POST /api/v1/displays/pair`: the code a TV shows and the new screen's settings. */
export interface PairDisplayRequest extends CreateDisplayRequest {
  code: string;
}

/** What screens receive of a board entry or a kudos: a public-safe screen gets no points. */
export type ScreenMemberEntry = Omit<MemberRankEntry, 'points'> & { points?: number };
export type ScreenTeamEntry = Omit<TeamRankEntry, 'pointsPerMember' | 'totalPoints' | 'fte'> & {
  pointsPerMember?: number;
  totalPoints?: number;
  fte?: number;
};
export type ScreenKudosDto = Omit<KudosDto, 'points'> & { points?: number };
export type ScreenPraiseDto = Omit<PraiseCardDto, 'points'> & { points?: number };

/** Everything a TV shows, from `GET /api/v1/display/state` (header `Authorization: Display <token>`). */
export interface DisplayStateDto {
  display: DisplaySettingsDto & { teamName: string | null };
  /** `timezone`: the TV's clock shows the organisation's time, wherever the TV thinks it is. */
  organization: { name: string; timezone: string };
  /** Names as the screen may show them (its style, each member's choice); nobody hidden. */
  members: LeaderboardDto<ScreenMemberEntry>;
  teams: LeaderboardDto<ScreenTeamEntry>;
  kudos: ScreenKudosDto[];
  /** Approved customer praise for the screen's audience, newest first. */
  praise: ScreenPraiseDto[];
  /** This month's running missions for the screen's audience, with their team meters. */
  missions: ScreenMissionDto[];
  /** The panels of this moment (the schedule at the server's clock); the TV follows it from then on. */
  panelsNow: DisplayPanel[];
  /** Changes with every deployment: a TV that sees a new one reloads itself. */
  build: string;
}

/** "Lena Fischer" → "Lena F." (the default on public screens). */
export function displayName(name: string, style: NameStyle): string {
  const parts = name.trim().split(/\s+/);
  if (style === 'full_name' || parts.length === 1) {
    return style === 'first_name' ? parts[0] : name.trim();
  }
  if (style === 'first_name') {
    return parts[0];
  }
  return `${parts[0]} ${parts[parts.length - 1].charAt(0)}.`;
}

/** Minutes since local midnight of `now` in `timeZone`. */
function minutesIn(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The schedule's slot at `now` (organisation time), or null: the screen's own panels. */
export function scheduleSlotAt(
  schedule: readonly DisplayScheduleSlot[],
  timeZone: string,
  now: Date,
): DisplayScheduleSlot | null {
  const t = minutesIn(now, timeZone);
  return (
    schedule.find((slot) => {
      const from = minutesOf(slot.from);
      const to = minutesOf(slot.to);
      return from <= to ? t >= from && t < to : t >= from || t < to;
    }) ?? null
  );
}

/** The panels a screen rotates through at `now`. */
export function panelsAt(
  display: Pick<DisplaySettingsDto, 'panels' | 'schedule'>,
  timeZone: string,
  now: Date,
): DisplayPanel[] {
  return scheduleSlotAt(display.schedule, timeZone, now)?.panels ?? display.panels;
}

/** The stricter of two name styles (a member's choice or a public-safe screen caps the screen's). */
export function stricterNameStyle(a: NameStyle, b: NameStyle): NameStyle {
  const order: NameStyle[] = ['first_name', 'first_name_last_initial', 'full_name'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}
