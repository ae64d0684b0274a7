import type { KudosDto } from './kudos-types.js';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from './leaderboard-types.js';
import type { ScreenMissionDto } from './mission-types.js';

export const DISPLAY_PANELS = [
  'team_leaderboard',
  'store_ranking',
  'fresh_kudos',
  'missions',
] as const;
export type DisplayPanel = (typeof DISPLAY_PANELS)[number];

export const NAME_STYLES = ['first_name_last_initial', 'first_name', 'full_name'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

export const DISPLAY_SCOPES = ['organization', 'team'] as const;
export type DisplayScope = (typeof DISPLAY_SCOPES)[number];

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
}

/** `PATCH /api/v1/displays/{id}`: what can change after creation (not the scope). */
export type UpdateDisplayRequest = Partial<
  Pick<CreateDisplayRequest, 'name' | 'panels' | 'rotationSeconds' | 'topN' | 'nameStyle'>
>;

/** `POST /api/v1/displays/pair`: the code a TV shows and the new screen's settings. */
export interface PairDisplayRequest extends CreateDisplayRequest {
  code: string;
}

/** Everything a TV shows, from `GET /api/v1/display/state` (header `Authorization: Display <token>`). */
export interface DisplayStateDto {
  display: DisplaySettingsDto & { teamName: string | null };
  /** `timezone`: the TV's clock shows the organisation's time, wherever the TV thinks it is. */
  organization: { name: string; timezone: string };
  members: LeaderboardDto<MemberRankEntry>;
  teams: LeaderboardDto<TeamRankEntry>;
  kudos: KudosDto[];
  /** This month's running missions for the screen's audience, with their team meters. */
  missions: ScreenMissionDto[];
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
