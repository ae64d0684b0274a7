import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  DISPLAY_PANELS,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type CreatedDisplayDto,
  type DisplayScheduleSlot,
  type DisplayDto,
  type DisplayPairingStartDto,
  type DisplayPairingStatusDto,
  type DisplayPresenceDto,
  type DisplaySettingsDto,
  type DisplayPanel,
  type DisplayScope,
  type DisplayStateDto,
  type NameStyle,
} from '@bravo/shared';
import { KudosResponse } from '../kudos/kudos.response';
import {
  MemberLeaderboardResponse,
  MemberRankEntryResponse,
  TeamLeaderboardResponse,
  TeamRankEntryResponse,
} from '../leaderboard/leaderboard.response';
import { PraiseCardResponse } from '../praise/praise.response';
import { ScreenMissionResponse } from '../missions/missions.response';

export class DisplaySettingsResponse implements DisplaySettingsDto {
  id: string;
  name: string;
  @ApiProperty({ enum: DISPLAY_SCOPES, enumName: 'DisplayScope' })
  scope: DisplayScope;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  @ApiProperty({ enum: DISPLAY_PANELS, enumName: 'DisplayPanel', isArray: true })
  panels: DisplayPanel[];
  rotationSeconds: number;
  topN: number;
  @ApiProperty({ enum: NAME_STYLES, enumName: 'NameStyle' })
  nameStyle: NameStyle;
  publicSafe: boolean;
  chime: boolean;
  @ApiProperty({ type: () => [DisplayScheduleSlotResponse] })
  schedule: DisplayScheduleSlotResponse[];
  createdAt: string;
}

export class DisplayScheduleSlotResponse implements DisplayScheduleSlot {
  /** `HH:MM`, organisation time, inclusive. */
  from: string;
  /** `HH:MM`, exclusive; earlier than `from`: past midnight. */
  to: string;
  @ApiProperty({ enum: DISPLAY_PANELS, enumName: 'DisplayPanel', isArray: true })
  panels: DisplayPanel[];
}

export class DisplayPresenceResponse implements DisplayPresenceDto {
  online: boolean;
  @ApiProperty({ type: String, nullable: true })
  lastSeenAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  address: string | null;
  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;
}

export class DisplayResponse extends DisplaySettingsResponse implements DisplayDto {
  presence: DisplayPresenceResponse;
}

/** Returned once, at creation: the secret link and its QR code. */
export class CreatedDisplayResponse extends DisplayResponse implements CreatedDisplayDto {
  token: string;
  url: string;
  /** SVG markup of a QR code of `url`. */
  qrSvg: string;
  /** `data:image/png;base64,…` of the same QR code. */
  qrPng: string;
}

export class StateDisplayResponse extends DisplaySettingsResponse {
  @ApiProperty({ type: String, nullable: true })
  teamName: string | null;
}

export class StateOrganizationResponse {
  name: string;
  /** IANA zone of the TV's clock. */
  timezone: string;
}

export class DisplayPairingStartResponse implements DisplayPairingStartDto {
  code: string;
  secret: string;
  expiresAt: string;
}

export class DisplayPairingStatusResponse implements DisplayPairingStatusDto {
  @ApiProperty({ enum: ['waiting', 'paired', 'expired'] })
  status: DisplayPairingStatusDto['status'];
}

/** A public-safe screen receives no points: each screen shape leaves them out there. */
export class ScreenMemberEntryResponse extends OmitType(MemberRankEntryResponse, [
  'points',
] as const) {
  points?: number;
}

export class ScreenTeamEntryResponse extends OmitType(TeamRankEntryResponse, [
  'pointsPerMember',
  'totalPoints',
  'fte',
] as const) {
  pointsPerMember?: number;
  totalPoints?: number;
  /** Left out with the points: how a store is staffed is not for customers. */
  fte?: number;
}

export class ScreenMemberBoardResponse extends OmitType(MemberLeaderboardResponse, [
  'entries',
  'me',
] as const) {
  entries: ScreenMemberEntryResponse[];
  @ApiProperty({ type: ScreenMemberEntryResponse, nullable: true })
  me: ScreenMemberEntryResponse | null;
}

export class ScreenTeamBoardResponse extends OmitType(TeamLeaderboardResponse, [
  'entries',
  'me',
] as const) {
  entries: ScreenTeamEntryResponse[];
  @ApiProperty({ type: ScreenTeamEntryResponse, nullable: true })
  me: ScreenTeamEntryResponse | null;
}

export class ScreenKudosResponse extends OmitType(KudosResponse, ['points'] as const) {
  points?: number;
}

export class ScreenPraiseResponse extends OmitType(PraiseCardResponse, ['points'] as const) {
  points?: number;
}

/** Everything a TV shows. */
export class DisplayStateResponse implements DisplayStateDto {
  display: StateDisplayResponse;
  organization: StateOrganizationResponse;
  members: ScreenMemberBoardResponse;
  teams: ScreenTeamBoardResponse;
  kudos: ScreenKudosResponse[];
  praise: ScreenPraiseResponse[];
  @ApiProperty({ type: [ScreenMissionResponse] })
  missions: ScreenMissionResponse[];
  @ApiProperty({ enum: DISPLAY_PANELS, enumName: 'DisplayPanel', isArray: true })
  panelsNow: DisplayPanel[];
  /** Changes with every deployment: a TV that sees a new one reloads itself. */
  build: string;
}
