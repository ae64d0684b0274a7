/**
 * CSV writing (RFC 4180) for downloads that spreadsheet programs open: UTF-8 with a byte-order
 * mark (so Excel reads Arabic names as UTF-8), CRLF line ends, and cells that a spreadsheet
 * would run as a formula neutralised with a leading apostrophe (OWASP "CSV injection").
 * Pure: it turns values into text; callers write that text to a stream a page at a time.
 */

/** The byte-order mark a UTF-8 CSV file starts with. */
export const CSV_BOM = '\uFEFF';

/** The content type of a CSV reply. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvValue = string | number | boolean | bigint | Date | null | undefined;

/** First characters a spreadsheet reads as the start of a formula (or of a DDE command). */
const FORMULA_PREFIXES = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A cell needs quotes when it holds a separator, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell's text. Numbers stay numbers (a negative number is data, not a formula); text that
 * starts like a formula gets a leading `'`, which spreadsheets show as plain text.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  let text = value instanceof Date ? value.toISOString() : value;
  if (text.length > 0 && FORMULA_PREFIXES.has(text[0])) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated (RFC 4180 section 2). */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole (small) document: BOM, header row, rows. Streams use csvRow page by page. */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): string {
  let out = CSV_BOM + csvRow(header);
  for (const row of rows) {
    out += csvRow(row);
  }
  return out;
}

/** A file name safe for a Content-Disposition header (letters, digits, dot, dash, underscore). */
export function csvFileName(base: string): string {
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'export'}.csv`;
}
