import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditPage } from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { CSV_CONTENT_TYPE } from '../common/csv';
import { auditCsv } from './audit-csv';
import { AuditFilterQuery, AuditPageQuery } from './audit.dto';
import { AuditPageResponse } from './audit.response';
import { AuditService } from './audit.service';

/** The organisation's audit log: admins only (managers are among those it records). */
@ApiTags('audit')
@RequireRole('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageResponse })
  list(@CurrentMember() me: AuthMember, @Query() query: AuditPageQuery): Promise<AuditPage> {
    return this.audit.page(me.organizationId, query, query.cursor, query.limit);
  }

  /** The filtered log as CSV, streamed newest first. */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV (UTF-8 with BOM)',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  async export(
    @CurrentMember() me: AuthMember,
    @Query() query: AuditFilterQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    // The filter is read (and refused when bad) before the first byte is sent.
    const filter = await this.audit.filter(me.organizationId, query);
    const rows = this.audit.all(me.organizationId, filter);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(auditCsv(rows)));
  }
}
