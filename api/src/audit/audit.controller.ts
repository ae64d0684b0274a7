import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditPage } from '@bravo/shared';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentMember, RequireRole } from '../auth/auth.decorators';
import type { AuthMember } from '../auth/auth-member';
import { auditCsv } from './audit-csv';
import { AuditFilterQuery, AuditPageQuery } from './audit.dto';
import { AuditPageResponse } from './audit.response';
import { AuditService } from './audit.service';
import type { AuditFilter } from './audit.repository';

/** The organisation's audit log: admins only (managers are among those it records). */
@ApiTags('audit')
@RequireRole('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageResponse })
  list(@CurrentMember() me: AuthMember, @Query() query: AuditPageQuery): Promise<AuditPage> {
    return this.audit.page(me.organizationId, toFilter(query), query.cursor, query.limit);
  }

  /** The filtered log as CSV, streamed newest first. */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV (UTF-8 with BOM)',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  export(
    @CurrentMember() me: AuthMember,
    @Query() query: AuditFilterQuery,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const rows = this.audit.all(me.organizationId, toFilter(query));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(auditCsv(rows)));
  }
}

function toFilter(q: AuditFilterQuery): Omit<AuditFilter, 'beforeId'> {
  return {
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    actorId: q.actorId,
    action: q.action,
    targetType: q.targetType,
  };
}
