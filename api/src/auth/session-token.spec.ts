import { readSessionToken } from './session-token';

describe('readSessionToken', () => {
  it('prefers the bearer header', () => {
    expect(readSessionToken({ authorization: 'Bearer abc', cookie: 'bravo_session=xyz' })).toBe(
      'abc',
    );
  });

  it('reads the session cookie among others', () => {
    expect(readSessionToken({ cookie: 'a=1; bravo_session=xyz%3D; b=2' })).toBe('xyz=');
  });

  it('returns null when neither is there or the header is not bearer', () => {
    expect(readSessionToken({})).toBeNull();
    expect(readSessionToken({ authorization: 'Basic Zm9v' })).toBeNull();
    expect(readSessionToken({ cookie: 'other=1' })).toBeNull();
  });
});
