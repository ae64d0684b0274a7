import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Db } from '../database/current-manager';
import { AuditEntry } from './audit-entry.entity';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actorId?: string;
  action?: string;
  targetType?: string;
  /** Entries older than this id (the previous page's last). */
  beforeId?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** The only code touching `audit_entries`: it appends and reads, nothing else (append-only). */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.tx.getRepository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>); // jsonb columns type as unknown
  }

  /** Newest first, `limit` at most, scoped to the organisation. */
  page(organizationId: string, filter: AuditFilter, limit: number): Promise<AuditEntry[]> {
    const q = this.db.tx
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.organizationId = :organizationId', { organizationId })
      .orderBy('e.id', 'DESC')
      .limit(limit);
    if (filter.from) {
      q.andWhere('e.at >= :from', { from: filter.from });
    }
    if (filter.to) {
      q.andWhere('e.at < :to', { to: filter.to });
    }
    if (filter.actorId) {
      q.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    }
    if (filter.action) {
      q.andWhere('e.action = :action', { action: filter.action });
    }
    if (filter.targetType) {
      q.andWhere('e.targetType = :targetType', { targetType: filter.targetType });
    }
    if (filter.beforeId) {
      q.andWhere('e.id < :beforeId', { beforeId: filter.beforeId });
    }
    return q.getMany();
  }
}
