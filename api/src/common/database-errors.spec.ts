import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const failed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a statement timeout',
      failed(pgError('57014', 'canceling statement due to statement timeout')),
    ],
    ['an administrator shutdown', failed(pgError('57P01'))],
    ['a server still starting up', pgError('57P03', 'the database system is starting up')],
    ['too many connections', pgError('53300')],
    ['an idle-in-transaction timeout', failed(pgError('25P03'))],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'a refusal on every address of a host name',
      Object.assign(new AggregateError([pgError('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ],
    ['a connection cut mid-query', failed(new Error('Connection terminated unexpectedly'))],
    [
      'a connection that timed out',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['no pool slot in time', new Error('timeout exceeded when trying to connect')],
  ])('yes for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failed(pgError('23505'))],
    ['a not-null violation', failed(pgError('23502'))],
    ['invalid text', failed(pgError('22P02'))],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('no for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cause chain that loops', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = { cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
