import { Injectable } from '@nestjs/common';
import type { AuditEntryDto, AuditPage, Role } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { invalid } from '../common/domain-exception';
import type { AuditEntry } from './audit-entry.entity';
import { AuditRepository, type AuditFilter } from './audit.repository';
import { auditSnapshot } from './audit-snapshot';

export interface AuditRecord {
  actor: Pick<AuthMember, 'id' | 'name' | 'organizationId' | 'role'>;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ipAddress: string | null;
}

const EXPORT_BATCH = 500;

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

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

  async page(
    organizationId: string,
    filter: Omit<AuditFilter, 'beforeId'>,
    cursor: string | undefined,
    limit: number,
  ): Promise<AuditPage> {
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
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
    at: e.at.toISOString(),
    requestId: e.requestId,
    ipAddress: e.ipAddress,
  };
}
