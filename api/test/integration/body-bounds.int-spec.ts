import { JSON_BODY_LIMITS as LIMITS } from '../../src/server/json-body-limits';
import { nested, sized, withEntries } from '../../../test/support/login-bodies';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

interface Answer {
  status: number;
  text: string;
  body: { statusCode?: number; code?: string; message?: string; details?: unknown[] };
}

/**
 * Bodies are bounded while parsing: one request cannot freeze the instance. What each case
 * costs against a small body is measured by `BENCH_ONLY=body-bounds npm run bench`; here,
 * what each is answered.
 */
describe('request bodies are bounded before validation', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  // The public login route is what an anonymous attacker reaches.
  const login = async (raw: string): Promise<Answer> => {
    const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
  };

  it('size: a body at the limit reaches validation; one byte more is a 413', async () => {
    expect(Buffer.byteLength(sized(LIMITS.bytes))).toBe(LIMITS.bytes);
    const atLimit = await login(sized(LIMITS.bytes));
    expect(atLimit).toMatchObject({ status: 400, body: { code: 'validation_failed' } });

    const over = await login(sized(LIMITS.bytes + 1));
    expect(over).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'payload_too_large', message: expect.any(String) },
    });
  });

  it('keys: a body at the limit is answered, and small; one more is a 400', async () => {
    const atLimit = await login(withEntries(LIMITS.keys));
    expect(atLimit).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(atLimit.body.message).toMatch(/k0 is not an allowed field/);

    const over = await login(withEntries(LIMITS.keys + 1));
    expect(over).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(over.body.message).toMatch(new RegExp(`at most ${LIMITS.keys} fields`));
  });

  it('depth: a body at the limit reaches validation; one level more is a 400', async () => {
    const atLimit = await login(nested(LIMITS.depth));
    expect(atLimit).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(atLimit.body.message).toMatch(/x is not an allowed field/);

    const over = await login(nested(LIMITS.depth + 1));
    expect(over).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(over.body.message).toMatch(new RegExp(`at most ${LIMITS.depth} levels`));
  });

  it('deep nesting is a 4xx, never a 500: 30k levels within the size limit, 100k above it', async () => {
    const deepWithin = nested(30_000);
    expect(deepWithin.length).toBeLessThan(LIMITS.bytes);
    const within = await login(deepWithin);
    expect(within).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(within.body.message).toMatch(new RegExp(`at most ${LIMITS.depth} levels`));

    const above = await login(nested(100_000));
    expect(above).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
  });

  it('the 85k-key body that froze the instance for seconds is refused by its size', async () => {
    const huge = withEntries(85_000);
    expect(huge.length).toBeGreaterThan(800_000);
    const answer = await login(huge);
    expect(answer).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    // The instance answers the next request.
    expect((await fetch(`${t.baseUrl}/api/health`)).status).toBe(200);
  });

  it('many unknown fields make a small answer, at any count', async () => {
    const twentyThousand = await login(withEntries(20_000));
    expect(twentyThousand.status).toBeGreaterThanOrEqual(400);
    expect(twentyThousand.status).toBeLessThan(500);
    expect(twentyThousand.text.length).toBeLessThan(1000);

    // At the key limit, so it reaches validation: all but email and password unknown, 5 named.
    const unknown = LIMITS.keys - 2;
    const atLimit = await login(withEntries(LIMITS.keys));
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.message).toMatch(new RegExp(`and ${unknown - 5} more\\.$`));
    expect(atLimit.body.details).toHaveLength(5);
    expect(atLimit.text.length).toBeLessThan(1000);
  });

  it('an over-long field name is cut short in the answer', async () => {
    const name = 'n'.repeat(30_000);
    const answer = await login(`{"email":"a@example.com","password":"x","${name}":1}`);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(1000);
  });

  it('still refuses prototype poisoning', async () => {
    const answer = await login(
      '{"email":"a@example.com","password":"not-the-password","__proto__":{"admin":true}}',
    );
    expect(answer).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });
});
