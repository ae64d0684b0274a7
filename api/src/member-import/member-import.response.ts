import { ApiProperty } from '@nestjs/swagger';
import {
  MEMBER_IMPORT_PROBLEMS,
  ROLES,
  type MemberImportAction,
  type MemberImportPreviewDto,
  type MemberImportProblem,
  type MemberImportResultDto,
  type MemberImportRowDto,
  type MemberImportRowError,
  type Role,
} from '@bravo/shared';

const ACTIONS = ['invite', 'update', 'unchanged', 'error'] as const;

export class MemberImportRowErrorResponse implements MemberImportRowError {
  field: string;
  @ApiProperty({ enum: MEMBER_IMPORT_PROBLEMS, enumName: 'MemberImportProblem' })
  code: MemberImportProblem;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  params: Record<string, string | number>;
}

export class MemberImportRowResponse implements MemberImportRowDto {
  line: number;
  name: string;
  email: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', nullable: true })
  role: Role | null;
  @ApiProperty({ type: String, nullable: true })
  team: string | null;
  @ApiProperty({ type: Number, nullable: true })
  partTimeFactor: number | null;
  @ApiProperty({ enum: ACTIONS, enumName: 'MemberImportAction' })
  action: MemberImportAction;
  @ApiProperty({ enum: ['member', 'invitation'], nullable: true })
  existing: 'member' | 'invitation' | null;
  changes: string[];
  errors: MemberImportRowErrorResponse[];
}

export class MemberImportCountsResponse implements Record<MemberImportAction, number> {
  invite: number;
  update: number;
  unchanged: number;
  error: number;
}

export class MemberImportPreviewResponse implements MemberImportPreviewDto {
  rows: MemberImportRowResponse[];
  counts: MemberImportCountsResponse;
}

export class MemberImportInvitedResponse {
  email: string;
  name: string;
  url: string;
  emailed: boolean;
}

export class MemberImportResultResponse implements MemberImportResultDto {
  counts: MemberImportCountsResponse;
  invited: MemberImportInvitedResponse[];
}
