import { DomainException } from './domain-exception';
import { illFormedTextAt, WellFormedTextPipe } from './well-formed-text';

const NUL = String.fromCharCode(0);

describe('well-formed text', () => {
  it.each([
    ['plain text', { name: 'Zoë 😀 مرحبا' }, null],
    ['numbers, booleans and nulls', { a: 1, b: true, c: null, d: [2, false] }, null],
    ['a NUL in a value', { name: `Sam${NUL}` }, 'name'],
    ['a lone high surrogate', { email: 'a\ud800@example.com' }, 'email'],
    ['a lone low surrogate deep down', { rules: { list: ['ok', 'x\udc00'] } }, 'rules.list.1'],
    ['a NUL in a key', { [`na${NUL}me`]: 'x' }, 'body'],
    ['a bare string', `x${NUL}`, ''],
  ])('%s', (_label, input, expected) => {
    expect(illFormedTextAt(input)).toBe(expected);
  });

  it('walks a very deep body without overflowing', () => {
    let deep: unknown = `bottom${NUL}`;
    for (let i = 0; i < 100_000; i++) {
      deep = { a: deep };
    }
    expect(illFormedTextAt(deep)).toMatch(/^a(\.a)*$/);
  });

  it('the pipe names the field of a body, a query string and a path parameter', () => {
    const pipe = new WellFormedTextPipe();
    const refused = (value: unknown, type: 'body' | 'query' | 'param', data?: string) => {
      try {
        pipe.transform(value, { type, data });
      } catch (error) {
        expect(error).toBeInstanceOf(DomainException);
        return (error as DomainException).details?.[0].field;
      }
      return 'accepted';
    };
    expect(refused({ name: `x${NUL}` }, 'body')).toBe('name');
    expect(refused({ query: NUL }, 'query')).toBe('query');
    expect(refused('\ud83d', 'param', 'token')).toBe('token');
    expect(refused({ name: 'fine' }, 'body')).toBe('accepted');
    expect(pipe.transform({ member: `x${NUL}` }, { type: 'custom' })).toEqual({
      member: `x${NUL}`,
    });
  });
});
