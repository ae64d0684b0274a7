import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction, AuditEntryDto, AuditPage, AuditTargetType, Role } from '@bravo/shared';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, ROLES } from '@bravo/shared';

export class AuditActorResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
}

export class AuditEntryResponse implements AuditEntryDto {
  id: string;
  actor: AuditActorResponse;
  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;
  @ApiProperty({ enum: AUDIT_TARGET_TYPES })
  targetType: AuditTargetType;
  @ApiProperty({ type: String, nullable: true })
  targetId: string | null;
  @ApiProperty({ description: 'The target before the action', nullable: true })
  before: unknown;
  @ApiProperty({ description: 'The target after the action', nullable: true })
  after: unknown;
  at: string;
  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;
  @ApiProperty({ type: String, nullable: true })
  ipAddress: string | null;
}

export class AuditPageResponse implements AuditPage {
  items: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
