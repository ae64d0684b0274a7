import { DomainException } from '../common/domain-exception';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';

const ID = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const raw = (text: string) => Buffer.from(text).toString('base64url');

describe('feed cursors', () => {
  it('give back the position they were made from', () => {
    const createdAt = new Date('2026-03-01T09:30:00.123Z');
    expect(decodeFeedCursor(encodeFeedCursor({ created_at: createdAt, id: ID }))).toEqual({
      createdAt,
      id: ID,
    });
  });

  it.each([
    ['not base64 at all', '!!!'],
    ['no separator', raw('2026-03-01T09:30:00.000Z')],
    ['a bad date', raw(`yesterday|${ID}`)],
    ['a date PostgreSQL cannot hold', raw(`-271821-04-20T00:00:00.000Z|${ID}`)],
    ['a date far in the future', raw(`+275760-09-13T00:00:00.000Z|${ID}`)],
    ['dashes instead of a uuid', raw(`2026-03-01T09:30:00.000Z|${'-'.repeat(36)}`)],
    ['a uuid with a wrong letter', raw(`2026-03-01T09:30:00.000Z|${ID.replace('3f', 'zz')}`)],
    ['an extra part', raw(`2026-03-01T09:30:00.000Z|${ID}|x`)],
    ['a NUL', raw(`2026-03-01T09:30:00.000Z|${ID}\u0000`)],
  ])('refuse %s with a 400 naming the cursor', (_label, cursor) => {
    let error: unknown;
    try {
      decodeFeedCursor(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 400, details: [{ field: 'cursor' }] });
  });
});
