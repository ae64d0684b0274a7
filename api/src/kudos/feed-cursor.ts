import { isUUID } from 'class-validator';
import { invalid } from '../common/domain-exception';

export interface FeedPosition {
  createdAt: Date;
  id: string;
}

// Instants PostgreSQL's timestamptz and JavaScript both hold, with room to spare: years 1970–9999.
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Where the next page starts: the last kudos of this one, opaque to clients. */
export function encodeFeedCursor(position: { created_at: Date; id: string }): string {
  return Buffer.from(`${position.created_at.toISOString()}|${position.id}`).toString('base64url');
}

/** The position a cursor names; anything a client made up or mangled is a 400. */
export function decodeFeedCursor(cursor: string): FeedPosition {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(parts[0] ?? '');
  const id = parts[1] ?? '';
  const time = createdAt.getTime();
  if (parts.length !== 2 || !(time >= 0 && time <= LATEST_MS) || !isUUID(id)) {
    throw invalid(
      'cursor',
      'invalid_cursor',
      'cursor is not valid: use nextCursor from the previous page',
    );
  }
  return { createdAt, id };
}
