import { readDisplayToken } from './display-token';

describe('readDisplayToken', () => {
  it('reads the token of a Display authorization', () => {
    expect(readDisplayToken('Display abc123 ')).toBe('abc123');
  });

  it.each([undefined, '', 'Display ', 'Display   ', 'Bearer abc123', 'display abc123'])(
    'finds none in %p',
    (header) => {
      expect(readDisplayToken(header)).toBeNull();
    },
  );
});
