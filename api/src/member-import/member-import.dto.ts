import { IsString, MaxLength } from 'class-validator';
import { MEMBER_IMPORT_LIMITS } from '@bravo/shared';

/** The CSV file's text (the web reads the upload and sends it as JSON). */
export class MemberImportDto {
  @IsString()
  @MaxLength(MEMBER_IMPORT_LIMITS.bytes, { message: 'csv must be at most 1 MB' })
  csv: string;
}
