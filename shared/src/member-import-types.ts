import type { Role } from './roles.js';

/** How big a member-import CSV may be. */
export const MEMBER_IMPORT_LIMITS = {
  bytes: 1_048_576,
  rows: 2_000,
} as const;

/** What is wrong with one cell of an imported row; the web words each (`memberImport.problems.*`). */
export const MEMBER_IMPORT_PROBLEMS = [
  'required',
  'too_long',
  'invalid_email',
  'repeated_email',
  'invalid_role',
  'invalid_factor',
  'unknown_team',
  'member_elsewhere',
  'own_role',
  'too_many_cells',
] as const;
export type MemberImportProblem = (typeof MEMBER_IMPORT_PROBLEMS)[number];

export interface MemberImportRowError {
  /** The column: `name`, `email`, `role`, `team`, `partTimeFactor` or `row`. */
  field: string;
  code: MemberImportProblem;
  /** e.g. `{ line: 3 }` for the first row with a repeated address, `{ max: 100 }`. */
  params: Record<string, string | number>;
}

/**
 * What applying a row does: invite someone new, update a member or a pending invitation
 * where something differs, nothing (`unchanged`), or nothing until it is fixed (`error`).
 */
export type MemberImportAction = 'invite' | 'update' | 'unchanged' | 'error';

export interface MemberImportRowDto {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  name: string;
  email: string;
  role: Role | null;
  /** The team as written, or null for none. */
  team: string | null;
  partTimeFactor: number | null;
  action: MemberImportAction;
  /** `member` or `invitation` when the address is already known to the organisation. */
  existing: 'member' | 'invitation' | null;
  /** Fields an update changes (`name`, `role`, `team`, `partTimeFactor`). */
  changes: string[];
  errors: MemberImportRowError[];
}

export interface MemberImportPreviewDto {
  rows: MemberImportRowDto[];
  counts: Record<MemberImportAction, number>;
}

export interface MemberImportResultDto {
  counts: Record<MemberImportAction, number>;
  /** Links of the invitations just created (shown once; also e-mailed when mail is on). */
  invited: { email: string; name: string; url: string; emailed: boolean }[];
}
