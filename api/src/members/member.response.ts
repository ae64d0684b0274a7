import { ApiProperty } from '@nestjs/swagger';
import {
  LOCALES,
  ROLES,
  SCREEN_NAME_CHOICES,
  type ScreenNameChoice,
  type Locale,
  type MeDto,
  type MemberDto,
  type Page,
  type Role,
} from '@bravo/shared';

export class MemberResponse implements MemberDto {
  id: string;
  name: string;
  /**
   * Only for those who look after this member: admins, managers of the
   * member's team, and the member themself. Everyone else gets null.
   */
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  managedTeamIds: string[];
  active: boolean;
  @ApiProperty({ enum: LOCALES, enumName: 'Locale' })
  locale: Locale;
  /** Share of a full-time position, 0.1–1.0. */
  partTimeFactor: number;
  createdAt: string;
}

export class MeOrganizationResponse {
  id: string;
  name: string;
  timezone: string;
}

/** The caller, as returned by `GET /api/v1/me`. */
export class MeResponse extends MemberResponse implements MeDto {
  @ApiProperty({ type: String, nullable: false })
  declare email: string;
  emailOnKudos: boolean;
  @ApiProperty({ enum: SCREEN_NAME_CHOICES })
  screenName: ScreenNameChoice;
  mailEnabled: boolean;
  organization: MeOrganizationResponse;
}

export class MemberPageResponse implements Page<MemberDto> {
  items: MemberResponse[];
  total: number;
}
