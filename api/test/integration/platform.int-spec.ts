import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    expect(await t.api.call('GET', '/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await t.api.call('GET', '/api/health/ready')).toMatchObject({
      status: 200,
      body: { database: 'up' },
    });
  });

  it('serves the OpenAPI document with the versioned routes', async () => {
    const res = await t.api.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/signup',
        '/api/v1/members/{id}',
        '/api/v1/teams',
        '/api/health',
      ]),
    );
    const docs = await fetch(`${t.baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('answers unknown routes and malformed JSON with the error shape, without a stack', async () => {
    const missing = await t.api.call('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'not_found' });

    const bad = await t.api.call('POST', '/api/v1/auth/login', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('requires a session on private routes', async () => {
    const res = await t.api.call('GET', '/api/v1/me');
    expect(res).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    const forged = await t.api.call('GET', '/api/v1/me', { token: 'not-a-real-token' });
    expect(forged.status).toBe(401);
  });
});
