import { startTestApp, type TestApp } from '../../../test/support/test-app';

/** Security headers on API answers (web pages get theirs from SvelteKit). */
describe('API security headers', () => {
  let plain: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
    proxied = await startTestApp({
      shareDatabaseOf: plain,
      env: {
        TRUST_PROXY: 'true',
        FRAME_ANCESTORS: 'https://signage.example.com http://tv.local:8080',
      },
    });
  });
  afterAll(async () => {
    await proxied.close();
    await plain.close();
  });

  const get = (t: TestApp, path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, { headers });

  const expectApiHeaders = (response: Response) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  };

  it('are on a normal answer and on error answers', async () => {
    const ok = await get(plain, '/api/health');
    expect(ok.status).toBe(200);
    expectApiHeaders(ok);

    const missing = await get(plain, '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expectApiHeaders(missing);

    const unauthenticated = await get(plain, '/api/v1/me');
    expect(unauthenticated.status).toBe(401);
    expectApiHeaders(unauthenticated);

    const badJson = await fetch(`${plain.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(badJson.status).toBe(400);
    expectApiHeaders(badJson);

    const tooLarge = await fetch(`${plain.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(100_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expectApiHeaders(tooLarge);
  });

  it('send HSTS only when a trusted proxy says the request came over TLS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    // Not behind a trusted proxy: anyone can write the header, so it means nothing.
    expect((await get(plain, '/api/health', https)).headers.get('strict-transport-security')).toBe(
      null,
    );
    expect((await get(proxied, '/api/health')).headers.get('strict-transport-security')).toBe(null);
    const overTls = await get(proxied, '/api/health', https);
    expect(overTls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    const errorOverTls = await get(proxied, '/api/v1/me', https);
    expect(errorOverTls.status).toBe(401);
    expect(errorOverTls.headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });

  it('let the configured origins frame Bravo (FRAME_ANCESTORS), and nobody else', async () => {
    const res = await get(proxied, '/api/health');
    expect(res.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://signage.example.com http://tv.local:8080',
    );
    // X-Frame-Options cannot name origins; it would forbid the allowed ones.
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('give the Swagger UI a policy that lets its own files run, and nothing inline', async () => {
    const docs = await get(plain, '/api/docs');
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    const html = await docs.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const sources = scripts.map((attributes) => /src="([^"]+)"/.exec(attributes)?.[1]);
    // Every script is a file of our own (script-src 'self' allows it); none is inline.
    expect(sources.every((src) => src && !/^[a-z]+:|^\/\//i.test(src))).toBe(true);
    const styles = [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]);
    for (const file of [...(sources as string[]), ...styles]) {
      const asset = await get(plain, new URL(file, `${plain.baseUrl}/api/docs/`).pathname);
      expect(asset.status).toBe(200);
    }
  });
});
