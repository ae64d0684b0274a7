import { ApiProperty } from '@nestjs/swagger';
import {
  DISPLAY_PANELS,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type CreatedDisplayDto,
  type DisplayDto,
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

export class DisplayResponse implements DisplayDto {
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

/** Returned once, at creation: the secret link and its QR code. */
export class CreatedDisplayResponse extends DisplayResponse implements CreatedDisplayDto {
  token: string;
  url: string;
  /** SVG markup of a QR code of `url`. */
  qrSvg: string;
  /** `data:image/png;base64,…` of the same QR code. */
  qrPng: string;
}

export class StateDisplayResponse extends DisplayResponse {
  @ApiProperty({ type: String, nullable: true })
  teamName: string | null;
}

export class StateOrganizationResponse {
  name: string;
}

/** Everything a TV shows. */
export class DisplayStateResponse implements DisplayStateDto {
  display: StateDisplayResponse;
  organization: StateOrganizationResponse;
  members: MemberLeaderboardResponse;
  teams: TeamLeaderboardResponse;
  kudos: KudosResponse[];
  /** Changes with every deployment: a TV that sees a new one reloads itself. */
  build: string;
}
