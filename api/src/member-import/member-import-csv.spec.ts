import { DomainException } from '../common/domain-exception';
import { parseFactor, parseImportCsv } from './member-import-csv';

describe('parseImportCsv', () => {
  it('reads quotes, quoted line breaks, a BOM and semicolons, numbering rows by their first line', () => {
    const rows = parseImportCsv(
      '\uFEFFE-mail;Name;Part time\r\n\r\n"a@x.com";"Line\r\nBreak";0,25\r\nb@x.com;"Say ""hi""";\r\n',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        line: 3,
        email: 'a@x.com',
        name: 'Line\nBreak',
        partTimeFactor: 0.25,
      }),
      expect.objectContaining({
        line: 5,
        email: 'b@x.com',
        name: 'Say "hi"',
        partTimeFactor: null,
      }),
    ]);
  });

  it('keeps commas inside quotes in a comma file and flags extra cells', () => {
    const [row] = parseImportCsv('name,email\n"Aziz, Sami",s@x.com,extra\n');
    expect(row.name).toBe('Aziz, Sami');
    expect(row.errors).toEqual([{ field: 'row', code: 'too_many_cells', params: { max: 2 } }]);
  });

  it('refuses a file without name and email columns', () => {
    expect(() => parseImportCsv('team\nHarbour\n')).toThrow(DomainException);
  });
});

describe('parseFactor', () => {
  it('takes 0.1–1 with at most two decimals', () => {
    expect(['1', '0.5', '.75', '0,1', '1.00'].map(parseFactor)).toEqual([1, 0.5, 0.75, 0.1, 1]);
    expect(['0', '1.5', 'x', '0.333', '-0.5', '0.05', ''].map(parseFactor)).toEqual(
      Array(7).fill(null),
    );
  });
});
