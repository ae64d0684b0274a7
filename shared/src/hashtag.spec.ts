import { hashtagFrom } from './hashtag';

describe('hashtagFrom', () => {
  it('joins capitalised words and drops punctuation', () => {
    expect(hashtagFrom('Warm welcome')).toBe('WarmWelcome');
    expect(hashtagFrom('Own it! (really)')).toBe('OwnItReally');
    expect(hashtagFrom('Team player 2')).toBe('TeamPlayer_2');
  });

  it('keeps words of scripts without capitals apart', () => {
    expect(hashtagFrom('ترحيب حار')).toBe('ترحيب_حار');
  });

  it('always gives a valid, bounded hashtag', () => {
    expect(hashtagFrom('☕ !!')).toBe('value');
    expect(hashtagFrom('a'.repeat(100))).toHaveLength(40);
  });
});
