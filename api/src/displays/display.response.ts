import { ApiProperty } from '@nestjs/swagger';
import {
  DISPLAY_PANELS,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type CreatedDisplayDto,
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
  TeamLeaderboardResponse,
} from '../leaderboard/leaderboard.response';
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
  createdAt: string;
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

/** Everything a TV shows. */
export class DisplayStateResponse implements DisplayStateDto {
  display: StateDisplayResponse;
  organization: StateOrganizationResponse;
  members: MemberLeaderboardResponse;
  teams: TeamLeaderboardResponse;
  kudos: KudosResponse[];
  @ApiProperty({ type: [ScreenMissionResponse] })
  missions: ScreenMissionResponse[];
  /** Changes with every deployment: a TV that sees a new one reloads itself. */
  build: string;
}
