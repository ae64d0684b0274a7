import type { AuditEntryDto } from '@bravo/shared';

/**
 * The audit log as CSV (RFC 4180): UTF-8 with a byte-order mark so spreadsheet
 * programs read Arabic names right, CRLF line ends, and cells that a spreadsheet
 * would run as a formula (= + - @ tab CR first) prefixed with `'`.
 */
export const CSV_BOM = '\uFEFF';

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

export function csvCell(value: string | null): string {
  if (value === null || value === '') {
    return '';
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: (string | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** BOM and header, then one line per entry. */
export async function* auditCsv(entries: AsyncIterable<AuditEntryDto>): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(HEADER);
  for await (const e of entries) {
    yield csvLine([
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
