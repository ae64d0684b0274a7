import type { KudosDto } from './kudos-types.js';
import type { LeaderboardDto, MemberRankEntry, TeamRankEntry } from './leaderboard-types.js';

export const DISPLAY_PANELS = ['team_leaderboard', 'store_ranking', 'fresh_kudos'] as const;
export type DisplayPanel = (typeof DISPLAY_PANELS)[number];

export const NAME_STYLES = ['first_name_last_initial', 'first_name', 'full_name'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

export const DISPLAY_SCOPES = ['organization', 'team'] as const;
export type DisplayScope = (typeof DISPLAY_SCOPES)[number];

export interface DisplayDto {
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

/** Everything a TV shows, from `GET /api/v1/display/state` (header `Authorization: Display <token>`). */
export interface DisplayStateDto {
  display: DisplayDto & { teamName: string | null };
  organization: { name: string };
  members: LeaderboardDto<MemberRankEntry>;
  teams: LeaderboardDto<TeamRankEntry>;
  kudos: KudosDto[];
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
