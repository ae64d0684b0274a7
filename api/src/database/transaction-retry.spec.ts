import { QueryFailedError } from 'typeorm';
import { withRetry } from './transaction-retry';

const failure = (code: string) =>
  new QueryFailedError('COMMIT', [], Object.assign(new Error(code), { code }));

describe('withRetry', () => {
  it.each(['40001', '40P01'])('runs the work again after %s, up to three times', async (code) => {
    let calls = 0;
    const result = await withRetry(() => {
      calls++;
      return calls < 3 ? Promise.reject(failure(code)) : Promise.resolve('done');
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the third attempt', async () => {
    let calls = 0;
    const work = () => {
      calls++;
      return Promise.reject(failure('40001'));
    };
    await expect(withRetry(work)).rejects.toThrow('40001');
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const work = () => {
      calls++;
      return Promise.reject(failure('23505'));
    };
    await expect(withRetry(work)).rejects.toThrow('23505');
    expect(calls).toBe(1);
  });
});
