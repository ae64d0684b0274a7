import { isEmail } from 'class-validator';
import { parse, CsvError } from 'csv-parse/sync';
import {
  LIMITS,
  MEMBER_IMPORT_LIMITS,
  ROLES,
  type MemberImportRowError,
  type Role,
} from '@bravo/shared';
import { invalid } from '../common/domain-exception';

/** One data row of the file, read and checked for what needs no database. */
export interface ImportRow {
  line: number;
  name: string;
  email: string;
  /** null when the cell is blank: a new member is an employee, a known one keeps theirs. */
  role: Role | null;
  team: string | null;
  partTimeFactor: number | null;
  errors: MemberImportRowError[];
}

type Column = 'name' | 'email' | 'role' | 'team' | 'partTimeFactor';

/** Header spellings, compared without case, spaces, dashes or underscores. */
const HEADERS: Record<string, Column> = {
  name: 'name',
  fullname: 'name',
  email: 'email',
  emailaddress: 'email',
  role: 'role',
  team: 'team',
  store: 'team',
  parttimefactor: 'partTimeFactor',
  parttime: 'partTimeFactor',
  factor: 'partTimeFactor',
  fte: 'partTimeFactor',
};

const problem = (
  field: string,
  code: MemberImportRowError['code'],
  params: MemberImportRowError['params'] = {},
): MemberImportRowError => ({ field, code, params });

/** `;` when the header line has more semicolons than commas (spreadsheets in many locales). */
function delimiterOf(text: string): ',' | ';' {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** A share of full time: 0.1–1 with at most two decimals; a decimal comma is fine. */
export function parseFactor(cell: string): number | null {
  const normal = cell.replace(',', '.');
  if (!/^(\d+(\.\d{1,2})?|\.\d{1,2})$/.test(normal)) {
    return null;
  }
  const factor = Number(normal);
  return factor >= LIMITS.partTimeFactorMin && factor <= LIMITS.partTimeFactorMax ? factor : null;
}

/**
 * Reads an import file (RFC 4180 by `csv-parse`: quotes, quoted line breaks, a header row,
 * UTF-8 with or without BOM, comma or semicolon) into rows with their own problems.
 * What makes the whole file unreadable is a 400 naming `csv`.
 */
export function parseImportCsv(text: string): ImportRow[] {
  if (Buffer.byteLength(text, 'utf8') > MEMBER_IMPORT_LIMITS.bytes) {
    throw invalid('csv', 'too_large', 'The file is larger than 1 MB.', {
      max: MEMBER_IMPORT_LIMITS.bytes,
    });
  }
  let records: { record: string[]; info: { lines: number } }[];
  // One kind of line break, so that line numbers count the way an editor does (csv-parse
  // counts a CRLF inside quotes twice).
  const lines = text.replace(/\r\n?/g, '\n');
  try {
    records = parse(lines, {
      bom: true,
      delimiter: delimiterOf(lines.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalid('csv', 'invalid', `This is not a readable CSV file: ${error.message}`);
    }
    throw error;
  }
  const [header, ...data] = records;
  const columns = (header?.record ?? []).map(
    (h) => HEADERS[h.toLowerCase().replace(/[\s_-]/g, '')] ?? null,
  );
  const unknown = (header?.record ?? []).find((h, i) => columns[i] === null && h !== '');
  if (unknown !== undefined) {
    throw invalid(
      'csv',
      'unknown_field',
      `Unknown column "${unknown}": use name, email, role, team, part-time factor.`,
      { column: unknown },
    );
  }
  if (!columns.includes('name') || !columns.includes('email')) {
    throw invalid('csv', 'required', 'The first row must name the columns, with name and email.');
  }
  let previousEnd = header.info.lines;
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of data) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => cell === '')) {
      continue;
    }
    if (rows.length === MEMBER_IMPORT_LIMITS.rows) {
      throw invalid('csv', 'too_many', `At most ${MEMBER_IMPORT_LIMITS.rows} rows at once.`, {
        max: MEMBER_IMPORT_LIMITS.rows,
      });
    }
    rows.push(readRow(record, columns, line, seen));
  }
  if (rows.length === 0) {
    throw invalid('csv', 'required', 'The file has no rows below its header.');
  }
  return rows;
}

function readRow(
  record: string[],
  columns: (Column | null)[],
  line: number,
  seen: Map<string, number>,
): ImportRow {
  const cell = (c: Column) => record[columns.indexOf(c)] ?? '';
  const errors: MemberImportRowError[] = [];
  const name = cell('name');
  if (name === '') {
    errors.push(problem('name', 'required'));
  } else if (name.length > LIMITS.nameMax) {
    errors.push(problem('name', 'too_long', { max: LIMITS.nameMax }));
  }
  const email = cell('email').toLowerCase();
  if (email === '') {
    errors.push(problem('email', 'required'));
  } else if (email.length > LIMITS.emailMax || !isEmail(email)) {
    errors.push(problem('email', 'invalid_email'));
  } else if (seen.has(email)) {
    errors.push(problem('email', 'repeated_email', { line: seen.get(email) ?? 0 }));
  } else {
    seen.set(email, line);
  }
  const roleCell = cell('role').toLowerCase();
  const role = (ROLES as readonly string[]).includes(roleCell) ? (roleCell as Role) : null;
  if (roleCell !== '' && role === null) {
    errors.push(problem('role', 'invalid_role', { allowed: ROLES.join(', ') }));
  }
  const team = cell('team');
  if (team.length > LIMITS.teamNameMax) {
    errors.push(problem('team', 'too_long', { max: LIMITS.teamNameMax }));
  }
  const factorCell = cell('partTimeFactor');
  const partTimeFactor = factorCell === '' ? null : parseFactor(factorCell);
  if (factorCell !== '' && partTimeFactor === null) {
    errors.push(problem('partTimeFactor', 'invalid_factor'));
  }
  if (record.length > columns.length && record.slice(columns.length).some((c) => c !== '')) {
    errors.push(problem('row', 'too_many_cells', { max: columns.length }));
  }
  return { line, name, email, role, team: team || null, partTimeFactor, errors };
}
