import { DomainException } from './domain-exception';

/** What `Retry-After` suggests to a client while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const databaseUnavailable = () =>
  new DomainException(
    'database_unavailable',
    'The database is not answering right now. Please try again in a moment.',
  );
