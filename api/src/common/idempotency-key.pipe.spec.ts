import { DomainException } from './domain-exception';
import { IdempotencyKeyPipe } from './idempotency-key.pipe';

describe('IdempotencyKeyPipe', () => {
  const pipe = new IdempotencyKeyPipe();

  it('passes an absent header and a well-formed key through', () => {
    expect(pipe.transform(undefined)).toBeUndefined();
    expect(pipe.transform('kudos-omar-1')).toBe('kudos-omar-1');
    expect(pipe.transform('x'.repeat(200))).toBe('x'.repeat(200));
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(201)],
    ['with a space', 'a b'],
    ['non-ASCII', 'clé'],
    ['a control character', 'a\u0000b'],
    ['repeated header', ['a', 'b']],
  ])('refuses a key that is %s with a 400 naming the header', (_case, value) => {
    let error: unknown;
    try {
      pipe.transform(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'Idempotency-Key' })],
    });
  });
});
