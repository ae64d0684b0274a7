import { parseBulkLines } from './bulk-invitation-lines';

describe('parseBulkLines', () => {
  it('reads name, e-mail and an optional team from commas, semicolons or tabs', () => {
    const lines = parseBulkLines(
      'Kai Baker, Kai@Example.com, Bakery\n\nLena;lena@example.com\r\nSam\tsam@example.com\tTills',
    );
    expect(lines).toEqual([
      { line: 1, name: 'Kai Baker', email: 'kai@example.com', team: 'Bakery', errors: [] },
      { line: 3, name: 'Lena', email: 'lena@example.com', team: null, errors: [] },
      { line: 4, name: 'Sam', email: 'sam@example.com', team: 'Tills', errors: [] },
    ]);
  });

  it('names what is wrong with each line', () => {
    const lines = parseBulkLines(
      [
        'Kai, kai@example',
        ', a@example.com',
        'A, a@example.com',
        'B, A@example.com',
        'C, c@example.com, T, x',
      ].join('\n'),
    );
    expect(lines.map((l) => l.errors.map((e) => `${e.field}:${e.code}`))).toEqual([
      ['email:invalid_email'],
      ['name:required'],
      ['email:repeated'],
      ['email:repeated'],
      ['line:too_many'],
    ]);
    expect(lines[3].errors[0].params).toEqual({ line: 2 });
  });
});
