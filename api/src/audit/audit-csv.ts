import type { AuditEntryDto } from '@bravo/shared';
import { CSV_BOM, csvRow } from '../common/csv';

const HEADER = [
  'at',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'request_id',
  'ip_address',
];

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** The audit log as CSV (see common/csv.ts): BOM and header, then one line per entry. */
export async function* auditCsv(entries: AsyncIterable<AuditEntryDto>): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(HEADER);
  for await (const e of entries) {
    yield csvRow([
      e.at,
      e.actor.id,
      e.actor.name,
      e.actor.role,
      e.action,
      e.targetType,
      e.targetId,
      json(e.before),
      json(e.after),
      e.requestId,
      e.ipAddress,
    ]);
  }
}
