import { ApiProperty } from '@nestjs/swagger';
import {
  ROLES,
  type BulkCreatedInvitationDto,
  type BulkInvitationLineDto,
  type BulkInvitationPreviewDto,
  type BulkInvitationResultDto,
  type CreatedInvitationDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type Role,
} from '@bravo/shared';
import { FieldErrorResponse } from '../openapi/api-error.response';

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

export class BulkInvitationLineResponse implements BulkInvitationLineDto {
  line: number;
  name: string;
  email: string;
  @ApiProperty({ type: String, nullable: true })
  team: string | null;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  @ApiProperty({ type: [FieldErrorResponse] })
  errors: FieldErrorResponse[];
}

export class BulkInvitationPreviewResponse implements BulkInvitationPreviewDto {
  @ApiProperty({ type: [BulkInvitationLineResponse] })
  lines: BulkInvitationLineResponse[];
  valid: number;
}

export class BulkCreatedInvitationResponse
  extends InvitationResponse
  implements BulkCreatedInvitationDto
{
  @ApiProperty({ type: String, nullable: true })
  url: string | null;
}

export class BulkInvitationResultResponse implements BulkInvitationResultDto {
  @ApiProperty({ type: [BulkCreatedInvitationResponse] })
  invitations: BulkCreatedInvitationResponse[];
  replayed: boolean;
}
