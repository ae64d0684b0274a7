import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntryDto, AuditPage, Role } from '@bravo/shared';
import { ROLES } from '@bravo/shared';

export class AuditActorResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
}

export class AuditEntryResponse implements AuditEntryDto {
  id: string;
  actor: AuditActorResponse;
  action: string;
  targetType: string;
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
