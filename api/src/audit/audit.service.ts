import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntryDto, AuditPage, AuditTargetType, Role } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { invalid } from '../common/domain-exception';
import { OrganizationsService } from '../organizations/organizations.service';
import { addDays, startOfLocalDay } from '../points/periods';
import type { AuditFilterQuery } from './audit.dto';
import type { AuditEntry } from './audit-entry.entity';
import { AuditRepository, type AuditFilter } from './audit.repository';
import { auditSnapshot } from './audit-snapshot';

export interface AuditRecord {
  actor: Pick<AuthMember, 'id' | 'name' | 'organizationId' | 'role'>;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ipAddress: string | null;
}

const EXPORT_BATCH = 500;

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Appends in the caller's transaction (the audited action's). */
  record(entry: AuditRecord): Promise<void> {
    return this.repository.append({
      organizationId: entry.actor.organizationId,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      actorRole: entry.actor.role,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
      requestId: entry.requestId?.slice(0, 100) ?? null,
      ipAddress: entry.ipAddress?.slice(0, 64) ?? null,
    });
  }

  /**
   * The query as a filter. A plain date is a day where the organisation is (an owner in Dubai
   * asking for 1 March means their 1 March), `to` included; a date-time is an instant.
   */
  async filter(
    organizationId: string,
    q: AuditFilterQuery,
  ): Promise<Omit<AuditFilter, 'beforeId'>> {
    const needsZone = [q.from, q.to].some((v) => v !== undefined && isDate(v));
    const timezone = needsZone ? (await this.organizations.context(organizationId)).timezone : '';
    const instant = (value: string | undefined, dayAfter: boolean) => {
      if (value === undefined) {
        return undefined;
      }
      return isDate(value)
        ? startOfLocalDay(dayAfter ? addDays(value, 1) : value, timezone)
        : new Date(value);
    };
    const from = instant(q.from, false);
    const to = instant(q.to, true);
    if (from && to && from >= to) {
      throw invalid('to', 'before_start', 'to must be on or after from.');
    }
    return { from, to, actorId: q.actorId, action: q.action, targetType: q.targetType };
  }

  async page(
    organizationId: string,
    query: AuditFilterQuery,
    cursor: string | undefined,
    limit: number,
  ): Promise<AuditPage> {
    const filter = await this.filter(organizationId, query);
    const rows = await this.repository.page(
      organizationId,
      { ...filter, beforeId: parseCursor(cursor) },
      limit + 1,
    );
    const items = rows.slice(0, limit).map(toDto);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Every matching entry, newest first, read in batches so an export never holds the whole log. */
  async *all(organizationId: string, filter: Omit<AuditFilter, 'beforeId'>) {
    let beforeId: string | undefined;
    for (;;) {
      const rows = await this.repository.page(
        organizationId,
        { ...filter, beforeId },
        EXPORT_BATCH,
      );
      yield* rows.map(toDto);
      if (rows.length < EXPORT_BATCH) {
        return;
      }
      beforeId = rows[rows.length - 1].id;
    }
  }
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function parseCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  if (!/^[1-9][0-9]{0,18}$/.test(cursor)) {
    throw invalid('cursor', 'invalid_cursor', 'This cursor is not one the audit log gave out.');
  }
  return cursor;
}

function toDto(e: AuditEntry): AuditEntryDto {
  return {
    id: String(e.id),
    actor: { id: e.actorId, name: e.actorName, role: e.actorRole as Role },
    action: e.action as AuditAction,
    targetType: e.targetType as AuditTargetType,
    targetId: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
    at: e.at.toISOString(),
    requestId: e.requestId,
    ipAddress: e.ipAddress,
  };
}
