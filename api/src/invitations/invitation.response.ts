import { ApiProperty } from '@nestjs/swagger';
import {
  ROLES,
  type CreatedInvitationDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type Role,
} from '@bravo/shared';

export class InvitationResponse implements InvitationDto {
  id: string;
  email: string;
  name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  expiresAt: string;
  @ApiProperty({ type: String, nullable: true })
  acceptedAt: string | null;
  createdAt: string;
}

/** Returned once, when an admin creates an invitation: the link to hand over. */
export class CreatedInvitationResponse extends InvitationResponse implements CreatedInvitationDto {
  token: string;
  url: string;
  emailed: boolean;
}

/** What an invitee sees before accepting. */
export class InvitationPreviewResponse implements InvitationPreviewDto {
  email: string;
  name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  organizationName: string;
  expiresAt: string;
}
