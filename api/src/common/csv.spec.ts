import { CSV_BOM, csvCell, csvDocument, csvFileName, csvRow } from './csv';

describe('csv', () => {
  it.each([
    ['plain text', 'Sam', 'Sam'],
    ['a comma', 'Lee, Sam', '"Lee, Sam"'],
    ['a quote', 'Sam "the rock"', '"Sam ""the rock"""'],
    ['a line feed', 'two\nlines', '"two\nlines"'],
    ['a CRLF', 'two\r\nlines', '"two\r\nlines"'],
    ['Arabic text', 'سارة العلي', 'سارة العلي'],
    ['Arabic text with a comma', 'سارة، العلي, فريق', '"سارة، العلي, فريق"'],
    ['an empty string', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['=', '=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+', '+1', "'+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@cmd', "'@cmd"],
    ['tab', '\t=1', "'\t=1"],
    ['CR', '\r=1', `"'\r=1"`],
    ['= with a comma and a quote', '=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
  ])('neutralises a formula starting with %s', (_label, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers, negative ones included, and empties null', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
  });

  it('ends each record with CRLF and starts a document with the BOM and header', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
    const doc = csvDocument(
      ['name', 'points'],
      [
        ['Lee, Sam', 3],
        ['=evil', -1],
      ],
    );
    expect(doc).toBe(`${CSV_BOM}name,points\r\n"Lee, Sam",3\r\n'=evil,-1\r\n`);
    expect(Buffer.from(doc, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('makes a safe file name', () => {
    expect(csvFileName('analytics top givers 2026/01')).toBe('analytics-top-givers-2026-01.csv');
    expect(csvFileName('سارة')).toBe('export.csv');
  });
});
