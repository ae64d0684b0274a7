import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MemberImportPreviewDto, MemberImportResultDto } from '@bravo/shared';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { BodyLimit } from '../common/body-limit';
import { Audited, NotAudited } from '../audit/audited.decorator';
import { WebOrigin } from '../common/web-origin.decorator';
import { MemberImportDto } from './member-import.dto';
import { MemberImportPreviewResponse, MemberImportResultResponse } from './member-import.response';
import { MemberImportService } from './member-import.service';

/** 1 MB of CSV, with room for JSON's escaping of quotes and line breaks. */
const IMPORT_BODY_BYTES = 3 * 1024 * 1024;

@ApiTags('member-import')
@Controller('member-import')
export class MemberImportController {
  constructor(private readonly imports: MemberImportService) {}

  /** Every row of the file with what applying it would do and its problems; writes nothing. */
  @RequireRole('admin')
  @NotAudited('a preview: writes nothing')
  @Post('preview')
  @HttpCode(200)
  @BodyLimit(IMPORT_BODY_BYTES)
  @ApiOkResponse({ type: MemberImportPreviewResponse })
  preview(
    @CurrentMember() me: AuthMember,
    @Body() dto: MemberImportDto,
  ): Promise<MemberImportPreviewDto> {
    return this.imports.preview(me, dto.csv);
  }

  /** Applies the file (idempotent: a repeat changes nothing), or nothing (422) when a row has a problem. */
  @RequireRole('admin')
  @Audited('member.imported')
  @Post('apply')
  @HttpCode(200)
  @BodyLimit(IMPORT_BODY_BYTES)
  @ApiOkResponse({ type: MemberImportResultResponse })
  apply(
    @CurrentMember() me: AuthMember,
    @Body() dto: MemberImportDto,
    @WebOrigin() origin: string | undefined,
  ): Promise<MemberImportResultDto> {
    return this.imports.apply(me, dto.csv, origin);
  }
}
